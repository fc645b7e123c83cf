package cn.foi.query.deadline;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.YearArrangement;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.CalendarView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which holiday notices the deadlines are counted with: shipped with the release, or published since. */
@RestController
class CalendarQueryController {

    private final Deadlines deadlines;
    private final ReadModel readModel;

    CalendarQueryController(Deadlines deadlines, ReadModel readModel) {
        this.deadlines = deadlines;
        this.readModel = readModel;
    }

    @GetMapping("/api/calendar")
    Map<String, Object> calendar() {
        WorkingDayCalendar calendar = deadlines.calendar();
        Map<Integer, CalendarView.Notice> published = readModel.calendarNotices().map(CalendarView::years).orElse(Map.of());
        List<Map<String, Object>> years = new ArrayList<>();
        for (int year : calendar.years()) {
            YearArrangement arrangement = calendar.arrangement(year).orElseThrow();
            CalendarView.Notice notice = published.get(year);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("year", year);
            item.put("source", arrangement.source());
            item.put("origin", notice == null ? "SHIPPED" : "PUBLISHED");
            item.put("publishedOn", notice == null ? null : notice.publishedOn());
            item.put("daysOff", arrangement.daysOff().stream().sorted().toList());
            item.put("makeUpWorkingDays", arrangement.makeUpWorkingDays().stream().sorted().toList());
            years.add(item);
        }
        return Map.of("years", years,
                      "note", "未载入安排的年份暂按周一至周五计算，相关截止日标注为暂定");
    }
}
