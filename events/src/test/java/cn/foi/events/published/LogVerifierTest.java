package cn.foi.events.published;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier computes the digests on bytes, the writer ({@link LogDigest}) on text: both must give the same digests
 * for every field a store can hold (absent fields, Chinese, characters beyond the BMP, unpaired surrogates, fields
 * longer than the verifier's first buffer), over enough aggregates that its table of tips grows.
 */
class LogVerifierTest {

    private static final String[] PIECES = {"a", "申请人", "公开", "\uD83D\uDCC4", "\uD83D", "\uDCC4x", "é", "\"", "{}", "0"};

    @Test
    void a_log_sealed_by_log_digest_verifies_with_the_same_heads() {
        Random random = new Random(16);
        Log log = new Log();
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) { // more than half the table's first 65,536 slots: it grows once
            aggregates.add("agg-" + i);
        }
        for (int commit = 0; commit < 50_000; commit++) {
            String aggregate = commit < aggregates.size() ? aggregates.get(commit) : aggregates.get(random.nextInt(aggregates.size()));
            log.append(aggregate, 1 + random.nextInt(3), random);
        }
        long watched = 12_345;
        LogVerifier verifier = new LogVerifier(watched);
        for (Map<String, Object> commit : log.commits) {
            assertThat(verifier.accept(commit)).as("commit at %s: %s", commit.get(EventLogLayout.FIRST_INDEX), verifier.firstMismatch()).isTrue();
        }
        assertThat(verifier.verified()).isTrue();
        assertThat(verifier.events()).isEqualTo(log.heads.size());
        assertThat(verifier.aggregates()).isEqualTo(aggregates.size());
        assertThat(verifier.head()).isEqualTo(log.heads.get(log.heads.size() - 1));
        assertThat(verifier.watchedHead()).isEqualTo(log.heads.get((int) watched));
        assertThat(new LogVerifier().head()).isEqualTo(LogDigest.GENESIS);
        assertThat(new LogVerifier().watchedHead()).isEqualTo(LogDigest.GENESIS);
    }

    @Test
    void an_added_character_or_a_digest_in_capitals_is_a_mismatch() {
        Random random = new Random(5);
        Log log = new Log();
        for (int i = 0; i < 20; i++) {
            log.append("agg-" + (i % 4), 1, random);
        }
        Map<String, Object> event = log.event(9);
        String payload = (String) event.get(EventLogLayout.PAYLOAD);
        event.put(EventLogLayout.PAYLOAD, payload + "X");
        assertThat(verify(log).firstMismatch()).isEqualTo(new LogVerifier.Mismatch("agg-1", 2L, 9, "事件内容与其摘要不符（存储后被改动）"));

        event.put(EventLogLayout.PAYLOAD, payload);
        assertThat(verify(log).verified()).isTrue();
        event.put(LogDigest.DIGEST, ((String) event.get(LogDigest.DIGEST)).toUpperCase());
        assertThat(verify(log).firstMismatch().globalIndex()).isEqualTo(9);
    }

    private static LogVerifier verify(Log log) {
        LogVerifier verifier = new LogVerifier();
        for (Map<String, Object> commit : log.commits) {
            if (!verifier.accept(commit)) {
                break;
            }
        }
        return verifier;
    }

    /** Commits as the store lays them out, sealed by LogDigest's text form; the head after each event. */
    private static final class Log {
        final List<Map<String, Object>> commits = new ArrayList<>();
        final List<String> heads = new ArrayList<>();
        final Map<String, String> lastDigest = new HashMap<>();
        final Map<String, Long> lastSequence = new HashMap<>();

        void append(String aggregate, int events, Random random) {
            long start = heads.size();
            List<Map<String, Object>> stored = new ArrayList<>();
            String head = heads.isEmpty() ? LogDigest.GENESIS : heads.get(heads.size() - 1);
            for (int i = 0; i < events; i++) {
                long sequence = lastSequence.merge(aggregate, 1L, Long::sum) - 1;
                Map<String, Object> event = new HashMap<>();
                event.put(EventLogLayout.SEQUENCE_NUMBER, sequence);
                event.put(EventLogLayout.EVENT_IDENTIFIER, "id-" + start + "-" + i);
                event.put(EventLogLayout.PAYLOAD_TYPE, "cn.foi.events.request.RequestReceived");
                event.put(EventLogLayout.PAYLOAD_REVISION, random.nextInt(4) == 0 ? "2" : null);
                event.put(EventLogLayout.PAYLOAD, text(random, random.nextInt(50) == 0 ? 2_000 : 60));
                event.put(EventLogLayout.META_DATA, random.nextInt(5) == 0 ? null : text(random, 10));
                event.put(EventLogLayout.TIMESTAMP, "2026-12-05T12:00:00.123Z");
                String digest = LogDigest.ofEvent(LogDigest.fields("FoiRequest", aggregate, event),
                                                  lastDigest.getOrDefault(aggregate, LogDigest.GENESIS));
                event.put(LogDigest.DIGEST, digest);
                lastDigest.put(aggregate, digest);
                head = LogDigest.nextHead(head, digest);
                heads.add(head);
                stored.add(event);
            }
            Map<String, Object> commit = new HashMap<>();
            commit.put(EventLogLayout.FIRST_INDEX, start);
            commit.put(EventLogLayout.LAST_INDEX, start + events - 1);
            commit.put(EventLogLayout.AGGREGATE_ID, aggregate);
            commit.put(EventLogLayout.AGGREGATE_TYPE, "FoiRequest");
            commit.put(EventLogLayout.EVENTS, stored);
            commit.put(EventLogLayout.FIRST_SEQUENCE_NUMBER, stored.get(0).get(EventLogLayout.SEQUENCE_NUMBER));
            commit.put(EventLogLayout.LAST_SEQUENCE_NUMBER, stored.get(stored.size() - 1).get(EventLogLayout.SEQUENCE_NUMBER));
            commit.put(LogDigest.HEAD, head);
            commits.add(commit);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> event(int index) {
            for (Map<String, Object> commit : commits) {
                long first = (Long) commit.get(EventLogLayout.FIRST_INDEX);
                if (index >= first && index <= (Long) commit.get(EventLogLayout.LAST_INDEX)) {
                    return ((List<Map<String, Object>>) commit.get(EventLogLayout.EVENTS)).get((int) (index - first));
                }
            }
            throw new IllegalArgumentException("no event " + index);
        }

        private static String text(Random random, int pieces) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String value = text.toString();
            // the pieces include lone surrogates: the writer's UTF-8 replaces them, which the verifier must match
            assertThat(value.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
            return value;
        }
    }
}
