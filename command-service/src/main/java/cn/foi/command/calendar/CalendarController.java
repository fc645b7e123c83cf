package cn.foi.command.calendar;

import cn.foi.command.problem.InvalidInput;
import cn.foi.events.calendar.YearArrangement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a year's holiday notice without a release: as JSON, or as the text of a notice file
 * ({@code Content-Type: text/plain}, the format of the shipped years).
 */
@RestController
class CalendarController {

    private final CommandGateway commands;

    CalendarController(CommandGateway commands) {
        this.commands = commands;
    }

    /** Dates or ranges ("2027-02-06..2027-02-14"). */
    record ArrangementBody(List<String> daysOff, List<String> makeUpWorkingDays, String source) {
    }

    @PutMapping(path = "/api/calendar/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> publish(@PathVariable int year, @RequestBody ArrangementBody body) {
        if (body.source() == null || body.source().isBlank()) {
            throw new InvalidInput("缺少通知文号 source (source, e.g. the notice's number, is required)");
        }
        String text = "year: " + year + "\n"
                      + "days-off: " + String.join(", ", body.daysOff() == null ? List.of() : body.daysOff()) + "\n"
                      + "make-up-working-days: "
                      + String.join(", ", body.makeUpWorkingDays() == null ? List.of() : body.makeUpWorkingDays()) + "\n";
        return publish(year, parse(text, body.source().strip()));
    }

    @PutMapping(path = "/api/calendar/{year}", consumes = MediaType.TEXT_PLAIN_VALUE)
    Map<String, Object> publishFile(@PathVariable int year, @RequestBody String notice) {
        YearArrangement arrangement = parse(notice, "通知文本 " + year);
        if (arrangement.year() != year) {
            throw new InvalidInput("通知中的年份 " + arrangement.year() + " 与路径中的 " + year + " 不一致 (year mismatch)");
        }
        return publish(year, arrangement);
    }

    private Map<String, Object> publish(int year, YearArrangement arrangement) {
        Boolean changed = commands.sendAndWait(new NationalCalendar.PublishHolidayArrangement(NationalCalendar.ID,
                                                                                              arrangement));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("year", year);
        result.put("source", arrangement.source());
        result.put("daysOff", arrangement.daysOff().size());
        result.put("makeUpWorkingDays", arrangement.makeUpWorkingDays().size());
        result.put("changed", Boolean.TRUE.equals(changed));
        return result;
    }

    private static YearArrangement parse(String text, String source) {
        try {
            return YearArrangement.parse(new StringReader(text), source);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("节假日安排有误：" + e.getMessage());
        }
    }
}
