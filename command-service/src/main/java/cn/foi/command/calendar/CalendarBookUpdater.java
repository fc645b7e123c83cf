package cn.foi.command.calendar;

import cn.foi.events.calendar.HolidayArrangementPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Puts a newly published notice into the book as the notice is stored (a subscribing processor). */
@Component
@ProcessingGroup(CalendarBook.GROUP)
class CalendarBookUpdater {

    private final CalendarBook book;

    CalendarBookUpdater(CalendarBook book) {
        this.book = book;
    }

    @EventHandler
    void on(HolidayArrangementPublished event) {
        book.publish(event.arrangement());
    }
}
