package cn.foi.query.deadline;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.YearArrangement;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.CalendarView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
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

    /** One year's arrangement in force: shipped with the release or published since, and from which notice. */
    record Year(int year, String source, String origin, LocalDate publishedOn, List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays) {
    }

    record Calendar(List<Year> years, String note) {
    }

    @GetMapping("/api/calendar")
    Calendar calendar() {
        WorkingDayCalendar calendar = deadlines.calendar();
        Map<Integer, CalendarView.Notice> published = readModel.calendarNotices().map(CalendarView::years).orElse(Map.of());
        List<Year> years = new ArrayList<>();
        for (int year : calendar.years()) {
            YearArrangement arrangement = calendar.arrangement(year).orElseThrow();
            CalendarView.Notice notice = published.get(year);
            years.add(new Year(year, arrangement.source(), notice == null ? "SHIPPED" : "PUBLISHED",
                               notice == null ? null : notice.publishedOn(), arrangement.daysOff().stream().sorted().toList(),
                               arrangement.makeUpWorkingDays().stream().sorted().toList()));
        }
        return new Calendar(years, "未载入安排的年份暂按周一至周五计算，相关截止日标注为暂定");
    }
}
