package cn.foi.command.calendar;

import cn.foi.events.calendar.YearArrangement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Holiday notices dropped as files ({@code FOI_CALENDAR_DIR/*.txt}, the format of the shipped years) are
 * published at start-up, like an admin call would; files already loaded change nothing. A bad file is
 * reported and skipped, so one typo cannot keep the service from starting.
 */
@Component
class CalendarFiles {

    private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);

    private final CommandGateway commands;
    private final String directory;

    private final CalendarBook calendarBook;

    CalendarFiles(CommandGateway commands, @Value("${foi.calendar.dir:}") String directory, CalendarBook calendarBook) {
        this.commands = commands;
        this.directory = directory;
        this.calendarBook = calendarBook;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadNotices() {
        if (directory.isBlank() || !Files.isDirectory(Path.of(directory))) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(directory))) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list holiday notices in {}", directory, e);
            return;
        }
        for (Path file : files) {
            try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                YearArrangement arrangement = YearArrangement.parse(text, file.getFileName().toString());
                // a notice already in effect is not sent again at every start: publishing one runs alone across instances
                var inEffect = calendarBook.current().arrangement(arrangement.year());
                if (inEffect.isPresent() && inEffect.get().daysOff().equals(arrangement.daysOff())
                    && inEffect.get().makeUpWorkingDays().equals(arrangement.makeUpWorkingDays())) {
                    log.info("Holiday notice {} for {}: already in effect", file, arrangement.year());
                    continue;
                }
                Boolean changed = commands.sendAndWait(
                        new NationalCalendar.PublishHolidayArrangement(NationalCalendar.ID, arrangement));
                log.info("Holiday notice {} for {}: {}", file, arrangement.year(),
                         Boolean.TRUE.equals(changed) ? "published" : "already in effect");
            } catch (IOException | RuntimeException e) {
                log.error("Holiday notice {} not loaded: {}", file, e.getMessage());
            }
        }
    }
}
