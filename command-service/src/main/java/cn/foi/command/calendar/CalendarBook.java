package cn.foi.command.calendar;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.YearArrangement;

import java.util.List;
import java.util.function.Supplier;

/**
 * The working-day calendar commands count with: the shipped years plus every notice published since,
 * read from the event store once and then kept current as notices are published.
 */
public class CalendarBook {

    /** The processing group that keeps the book current. */
    public static final String GROUP = "calendar-book";

    private final Supplier<List<YearArrangement>> publishedSoFar;
    private volatile WorkingDayCalendar calendar;

    public CalendarBook(Supplier<List<YearArrangement>> publishedSoFar) {
        this.publishedSoFar = publishedSoFar;
    }

    /** A book that never changes (fixture tests). */
    public static CalendarBook of(WorkingDayCalendar calendar) {
        CalendarBook book = new CalendarBook(List::of);
        book.calendar = calendar;
        return book;
    }

    public WorkingDayCalendar current() {
        WorkingDayCalendar current = calendar;
        if (current == null) {
            synchronized (this) {
                if (calendar == null) {
                    WorkingDayCalendar loaded = WorkingDayCalendar.shipped();
                    for (YearArrangement arrangement : publishedSoFar.get()) {
                        loaded = loaded.with(arrangement);
                    }
                    calendar = loaded;
                }
                current = calendar;
            }
        }
        return current;
    }

    /** Read again from the store when next needed: another instance of the command service may have published. */
    public synchronized void forget() {
        calendar = null;
    }

    synchronized void publish(YearArrangement arrangement) {
        calendar = current().with(arrangement);
    }
}
