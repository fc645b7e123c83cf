package cn.foi.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;


public class InsertProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        MongoWireServer server = new MongoWireServer(new JournaledMemoryBackend(dir, false));
        var address = server.bind(new java.net.InetSocketAddress("localhost", 0));
        int n = Integer.parseInt(args[0]);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            for (int round = 0; round < 3; round++) {
                var coll = client.getDatabase("probe").getCollection("requests" + round, org.bson.RawBsonDocument.class);
                long nanos = 0;
                List<org.bson.RawBsonDocument> chunk = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    chunk.add(new org.bson.RawBsonDocument(doc(i), new org.bson.codecs.DocumentCodec()));
                    if (chunk.size() == 1000) {
                        long s = System.nanoTime();
                        coll.insertMany(chunk);
                        nanos += System.nanoTime() - s;
                        chunk.clear();
                    }
                }
                System.out.printf("round %d: %,d docs in %.1f s = %,.0f docs/s%n", round, n, nanos / 1e9, n / (nanos / 1e9));
            }
        }
        server.shutdownNow();
    }

    static Document doc(int i) {
        List<Document> history = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            history.add(new Document("globalIndex", (long) i * 2 + h).append("sequenceNumber", (long) h)
                    .append("type", "cn.foi.events.request.RequestReceived").append("label", "收到申请")
                    .append("businessDate", "2025-03-04").append("recordedAt", "2025-03-04T08:12:13.123456Z")
                    .append("recordedBy", "officer-1").append("aggregateId", "R-" + i).append("summary", "网上申请，自然人"));
        }
        return new Document("_id", "R-0000000-" + i).append("lastSeq", 1L).append("agencyId", "A" + (i % 200))
                .append("receivedOn", "2025-03-04").append("channel", "ONLINE").append("applicantType", "NATURAL_PERSON")
                .append("applicantName", "张三" + i).append("subject", "关于某某事项的信息公开申请").append("firstYear", 2025)
                .append("imported", false).append("recordedAt", "2025-03-04T08:12:13.123456Z").append("result", "DISCLOSED")
                .append("decidedOn", "2025-03-20").append("decisionRecordedAt", "2025-03-20T08:12:13.123456Z")
                .append("note", "").append("history", history);
    }
}
