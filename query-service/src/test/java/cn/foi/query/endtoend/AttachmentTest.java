package cn.foi.query.endtoend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attachments (issue 17, item 5): kept in GridFS, returned byte for byte, recorded with their SHA-256. */
class AttachmentTest extends EndToEndTest {

    private static final String AGENCY = "attachment-office";
    private static final String PASSWORD = "Attach-pass-2026";

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long storedFiles() {
        try (MongoClient client = MongoClients.create(services.infra.mongoUri())) {
            return client.getDatabase("foi_command").getCollection("attachments.files").countDocuments();
        }
    }

    private void user(String username, String role, String agency) {
        api.createUser(username, PASSWORD, role, agency);
    }

    @Test
    void a_scanned_application_is_kept_returned_byte_for_byte_and_recorded_and_bad_files_change_nothing() throws Exception {
        api.registerAgency(AGENCY, "某区城市管理局");
        api.registerAgency("attachment-elsewhere", "某区水务局");
        String request = api.logRequest(AGENCY, "2026-11-16", "LETTER", "NATURAL_PERSON");
        String attachments = services.commandUrl + "/api/requests/" + request + "/attachments";

        byte[] scan = pdf(300_000);
        var uploaded = services.upload(attachments, "申请书扫描件.pdf", scan);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("attachmentId").asText();
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha256(scan));
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(scan.length);
        assertThat(uploaded.json().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.json().get("uploadedAt").asText()).as("when it was kept").isNotBlank().isNotEqualTo("null");

        // through the web application's one origin too (the query service passes the body on untouched)
        byte[] reply = pdf(2_000);
        var viaQuery = services.upload(services.queryUrl + "/command/api/requests/" + request + "/attachments", "答复书（已签发）.pdf", reply);
        assertThat(viaQuery.status()).as(viaQuery.body()).isEqualTo(201);

        assertThat(services.download(attachments + "/" + id)).isEqualTo(scan);
        var listed = services.get(attachments).json();
        assertThat(listed.findValuesAsText("name")).containsExactly("申请书扫描件.pdf", "答复书（已签发）.pdf");
        assertThat(listed.findValuesAsText("sha256")).containsExactly(sha256(scan), sha256(reply));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                services.get(services.queryUrl + "/api/requests/" + request + "/history").json().get("events").findValuesAsText("summary"))
                .contains("申请书扫描件.pdf（300000 字节，SHA-256 " + sha256(scan) + "）"));

        // refused: a program named .pdf (415), a file over 20 MB (413), an empty one (400), an unknown request (404)
        long files = storedFiles();
        long events = services.eventStore().size();
        byte[] program = "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1);
        var refusedType = services.upload(attachments, "申请书.pdf", program);
        assertThat(refusedType.status()).as(refusedType.body()).isEqualTo(415);
        assertThat(refusedType.contentType()).startsWith("application/problem+json");
        assertThat(refusedType.json().get("detail").asText()).contains("不支持的文件类型");
        var tooLarge = services.upload(attachments, "大文件.pdf", pdf(20 * 1024 * 1024 + 1));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("20 MB");
        assertThat(services.upload(attachments, "空.pdf", new byte[0]).status()).isEqualTo(400);
        var unknown = services.upload(services.commandUrl + "/api/requests/no-such-request/attachments", "x.pdf", pdf(100));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(storedFiles()).as("no file kept for a refused upload").isEqualTo(files);
        assertThat(services.eventStore().size()).isEqualTo(events);

        // never to someone who may not read the request
        user("attach-other-officer", "OFFICER", "attachment-elsewhere");
        user("attach-other-auditor", "AUDITOR", "attachment-elsewhere");
        user("attach-auditor", "AUDITOR", AGENCY);
        assertThat(services.as("attach-other-officer", PASSWORD).download(attachments + "/" + id).statusCode()).isEqualTo(403);
        assertThat(services.as("attach-other-auditor", PASSWORD).get(attachments).status()).isEqualTo(403);
        assertThat(services.as("attach-other-officer", PASSWORD).upload(attachments, "x.pdf", pdf(100)).status()).isEqualTo(403);
        assertThat(services.as("attach-auditor", PASSWORD).get(attachments).json().findValuesAsText("attachmentId")).contains(id);
        var auditorDownload = services.as("attach-auditor", PASSWORD).download(attachments + "/" + id);
        assertThat(auditorDownload.statusCode()).as("the scan shows what masking hides: the agency's own staff only").isEqualTo(403);
        assertThat(new String(auditorDownload.body(), StandardCharsets.UTF_8)).contains("个人信息");
        assertThat(services.as("attach-auditor", PASSWORD).upload(attachments, "x.pdf", pdf(100)).status())
                .as("an auditor reads, never writes").isEqualTo(403);
        // an attachment of another request is not found under this one
        String other = api.logRequest(AGENCY, "2026-11-17", "LETTER", "NATURAL_PERSON");
        assertThat(services.get(services.commandUrl + "/api/requests/" + other + "/attachments/" + id).status()).isEqualTo(404);
    }
}
