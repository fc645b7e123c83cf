package cn.foi.query.view;

import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.events.published.PublishedEvent;

/** Folds a published holiday notice into the calendar's view: a pure function; a redelivered notice changes nothing. */
public final class CalendarFold {

    private CalendarFold() {
    }

    public static CalendarView apply(CalendarView view, PublishedEvent event, HolidayArrangementPublished notice) {
        if (event.sequenceNumber() <= view.lastSeq()) {
            return view;
        }
        return view.with(event.sequenceNumber(), notice.year(),
                         new CalendarView.Notice(notice.daysOff(), notice.makeUpWorkingDays(), notice.source(), notice.publishedOn()),
                         HistoryEntry.of(event, notice.year() + " 年节假日安排载入", notice.publishedOn(), notice.source()));
    }
}
