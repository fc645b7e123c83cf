package cn.foi.query.projection;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** A store projected before issue 13 kept dates as text: read at start-up and rewritten as BSON dates, so queries by date find it. */
class StoredShapeTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                                                           + server.getLocalAddress().getPort());
    private final MongoCollection<Document> requests = client.getDatabase("stored_shape").getCollection("requests");
    private final ReadModel readModel = new ReadModel(client.getDatabase("stored_shape"), JsonMapper.builder().findAndAddModules().build(),
                                                      new Ledger(), 10);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documents_with_dates_as_text_are_rewritten_at_start_up_and_found_by_date() {
        requests.insertOne(Document.parse("""
                {"_id": "r-3", "lastSeq": 1, "agencyId": "a-1", "receivedOn": "2019-05-06", "channel": "LETTER",
                 "applicantType": "COMMERCIAL_ENTERPRISE", "applicantName": "某公司", "subject": "某事项", "firstYear": 2019,
                 "recordedAt": "2019-05-06T02:00:00.123456Z", "result": "DISCLOSED", "decidedOn": "2019-05-20",
                 "history": [{"globalIndex": {"$numberLong": "4"}, "sequenceNumber": {"$numberLong": "0"}, "type": "RequestReceived",
                              "label": "收到申请", "businessDate": "2019-05-06", "recordedAt": "2019-05-06T02:00:00.123456Z",
                              "summary": "信函，商业企业"}]}"""));

        readModel.loadLedger();

        Document stored = requests.find().first();
        assertThat(stored.get("receivedOn")).isInstanceOf(Date.class);
        assertThat(stored.get("decidedOn")).isInstanceOf(Date.class);
        assertThat(stored.getList("history", Document.class).get(0).get("recordedAt")).isInstanceOf(Date.class);
        assertThat(readModel.requestsOf("a-1", LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31))).hasSize(1);
        assertThat(readModel.requestsOf("a-1", LocalDate.of(2019, 5, 7), null)).isEmpty();
        assertThat(readModel.request("r-3").orElseThrow().receipt().receivedOn()).isEqualTo(LocalDate.of(2019, 5, 6));
    }
}
