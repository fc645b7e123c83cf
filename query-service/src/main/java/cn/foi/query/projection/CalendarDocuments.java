package cn.foi.query.projection;

import cn.foi.query.view.CalendarView;
import org.bson.Document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores the {@link CalendarView} as the one document of the {@code calendar} collection, in the shape earlier versions wrote. */
final class CalendarDocuments {

    private CalendarDocuments() {
    }

    static Document encode(CalendarView view) {
        Document years = new Document();
        view.years().forEach((year, notice) -> years.put(String.valueOf(year),
                new Document("daysOff", StoredDates.of(notice.daysOff()))
                        .append("makeUpWorkingDays", StoredDates.of(notice.makeUpWorkingDays()))
                        .append("source", notice.source())
                        .append("publishedOn", StoredDates.of(notice.publishedOn()))));
        return new Document("_id", view.calendarId()).append("lastSeq", view.lastSeq()).append("years", years)
                                                      .append("history", RequestDocuments.encode(view.history()));
    }

    static CalendarView decode(Document doc) {
        Map<Integer, CalendarView.Notice> years = new LinkedHashMap<>();
        Document stored = doc.get("years", Document.class);
        if (stored != null) {
            for (String year : stored.keySet()) {
                Document notice = stored.get(year, Document.class);
                years.put(Integer.parseInt(year), new CalendarView.Notice(dates(notice, "daysOff"), dates(notice, "makeUpWorkingDays"),
                                                                          notice.getString("source"),
                                                                          StoredDates.date(notice.get("publishedOn"))));
            }
        }
        return new CalendarView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), years, RequestDocuments.history(doc));
    }

    private static List<LocalDate> dates(Document notice, String field) {
        return StoredDates.dates(notice.get(field, List.class));
    }
}
