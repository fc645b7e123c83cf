package cn.foi.query.projection;

import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.events.published.PublishedEvent;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar stays readable while a rebuild runs, and a rebuild writes its documents only at the end: the
 * holiday notices it has applied are answered from memory before they are written.
 */
class CalendarNoticesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                                                           + server.getLocalAddress().getPort());
    private final ReadModel readModel = new ReadModel(client.getDatabase("calendar_notices"),
                                                      JsonMapper.builder().findAndAddModules().build(), new Ledger(), 10);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_notice_applied_but_not_yet_written_is_already_answered() {
        readModel.clear(); // as a rebuild begins
        HolidayArrangementPublished notice = new HolidayArrangementPublished("calendar", 2027, List.of(LocalDate.of(2027, 10, 1)),
                                                                             List.of(), "国办发明电〔2026〕7号", LocalDate.of(2026, 11, 20));
        readModel.apply(List.of(new ReadModel.Decoded(new PublishedEvent(5, "e-5", "Calendar", "calendar", 0,
                "HolidayArrangementPublished", null, "2026-11-20T02:00:00Z", Map.of(), null), notice)));

        assertThat(client.getDatabase("calendar_notices").getCollection("calendar").countDocuments()).as("not written yet").isZero();
        cn.foi.query.view.CalendarView.Notice year = readModel.calendarNotices().orElseThrow().years().get(2027);
        assertThat(year.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(year.daysOff()).containsExactly(LocalDate.of(2027, 10, 1));

        readModel.clear();
        assertThat(readModel.calendarNotices()).as("a new rebuild forgets it").isEmpty();
    }
}
