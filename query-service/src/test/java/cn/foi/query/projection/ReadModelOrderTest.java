package cn.foi.query.projection;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that arrives after later events of its aggregate (lost, then published again) is not applied, and
 * must not pass for applied either: its index stays missing, so the completeness check keeps naming it.
 */
class ReadModelOrderTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                                                           + server.getLocalAddress().getPort());
    private final ReadModel readModel = new ReadModel(client.getDatabase("read_model_order"),
                                                      JsonMapper.builder().findAndAddModules().build(), new Ledger(), 10);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static ReadModel.Decoded event(long globalIndex, String aggregateId, long sequenceNumber, Object payload) {
        return new ReadModel.Decoded(new PublishedEvent(globalIndex, "e-" + globalIndex, "Review", aggregateId, sequenceNumber,
                                                        payload.getClass().getSimpleName(), null, "2026-03-02T02:00:00Z", Map.of(),
                                                        null), payload);
    }

    @Test
    void a_review_filing_that_arrives_after_its_conclusion_stays_missing() {
        readModel.clear();
        ReviewFiled filed = new ReviewFiled("v-1", "r-1", "a-1", ReviewBlock.RECONSIDERATION, LocalDate.of(2026, 3, 1));
        ReviewConcluded concluded = new ReviewConcluded("v-1", "r-1", "a-1", ReviewResult.UPHELD, LocalDate.of(2026, 3, 2));

        readModel.apply(List.of(event(8, "v-1", 1, concluded)));
        readModel.apply(List.of(event(7, "v-1", 0, filed)));

        assertThat(readModel.applied().count()).as("only the conclusion is applied").isEqualTo(1);
        assertThat(readModel.applied().missingBelow(9, 10)).containsExactly(new AppliedPositions.Range(0, 7));
    }

    @Test
    void a_review_event_delivered_twice_counts_as_applied_once_it_is_held() {
        readModel.clear();
        ReviewFiled filed = new ReviewFiled("v-1", "r-1", "a-1", ReviewBlock.RECONSIDERATION, LocalDate.of(2026, 3, 1));

        readModel.apply(List.of(event(7, "v-1", 0, filed)));
        readModel.apply(List.of(event(7, "v-1", 0, filed)));

        assertThat(readModel.applied().count()).isEqualTo(1);
        assertThat(readModel.applied().missingBelow(8, 10)).containsExactly(new AppliedPositions.Range(0, 6));
    }

    @Test
    void a_rebuild_stopped_half_way_and_replayed_keeps_the_year_close_in_a_held_request_s_history() {
        cn.foi.events.agency.AgencyRegistered registered = new cn.foi.events.agency.AgencyRegistered("a-1", "某局", LocalDate.of(2025, 1, 1));
        cn.foi.events.request.RequestReceived received = new cn.foi.events.request.RequestReceived(
                "r-1", "a-1", LocalDate.of(2025, 12, 20), cn.foi.events.codes.Channel.LETTER,
                new cn.foi.events.request.Applicant(cn.foi.events.codes.ApplicantType.NATURAL_PERSON, "张三"), "某事项");
        cn.foi.events.agency.ReportingYearClosed closed = new cn.foi.events.agency.ReportingYearClosed(
                "a-1", 2025, LocalDate.of(2026, 1, 10),
                List.of(new cn.foi.events.agency.ReportingYearClosed.CarriedForwardRequest("r-1",
                                                                                          cn.foi.events.codes.ApplicantType.NATURAL_PERSON)));
        List<ReadModel.Decoded> topic = List.of(event(0, "a-1", 0, registered), event(1, "r-1", 0, received), event(2, "a-1", 1, closed));

        readModel.clear(); // a rebuild begins
        readModel.apply(topic);
        readModel.flushAsync(true).join(); // a write before its end: the open request is held back
        readModel.forgetUnflushed(); // then a failure: the whole topic is read again onto what was written
        readModel.apply(topic);
        readModel.flushAsync(false).join();

        var history = readModel.request("r-1").orElseThrow().history();
        assertThat(history).extracting(cn.foi.query.view.HistoryEntry::globalIndex).containsExactlyInAnyOrder(1L, 2L);
        assertThat(readModel.applied().count()).isEqualTo(3);
    }
}
