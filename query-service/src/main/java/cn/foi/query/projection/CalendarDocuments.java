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
                new Document("daysOff", notice.daysOff().stream().map(LocalDate::toString).toList())
                        .append("makeUpWorkingDays", notice.makeUpWorkingDays().stream().map(LocalDate::toString).toList())
                        .append("source", notice.source())
                        .append("publishedOn", notice.publishedOn().toString())));
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
                                                                          RequestDocuments.date(notice.getString("publishedOn"))));
            }
        }
        return new CalendarView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), years, RequestDocuments.history(doc));
    }

    private static List<LocalDate> dates(Document notice, String field) {
        return notice.getList(field, String.class, List.of()).stream().map(RequestDocuments::date).toList();
    }
}
