package cn.foi.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Progress and outcome of a rebuild of the read model from offset 0: records done of total, rate, and
 * whether the rebuilt tables equal those before the rebuild.
 */
public record RebuildStatus(boolean running, Instant startedAt, Instant finishedAt, long total, long done,
                            Boolean tablesEqual, Map<String, Object> tablesBefore, Map<String, Double> phaseSeconds,
                            Map<String, Long> documents) {

    static RebuildStatus none() {
        return new RebuildStatus(false, null, null, 0, 0, null, Map.of(), Map.of(), Map.of());
    }

    static RebuildStatus requested() {
        return new RebuildStatus(true, null, null, 0, 0, null, Map.of(), Map.of(), Map.of());
    }

    static RebuildStatus started(Map<String, Object> before, long total) {
        return new RebuildStatus(true, Instant.now(), null, total, 0, null, before, Map.of(), Map.of());
    }

    RebuildStatus progress(long done) {
        return new RebuildStatus(running, startedAt, finishedAt, total, done, tablesEqual, tablesBefore, phaseSeconds, documents);
    }

    /**
     * {@code phaseSeconds}: where the time went (reading the topic, decoding, applying, writing); {@code documents}:
     * what the read model wrote (inserted, replaced) and read back to do it.
     */
    RebuildStatus finished(Map<String, Object> after, Map<String, Double> phaseSeconds, Map<String, Long> documents) {
        return new RebuildStatus(false, startedAt, Instant.now(), total, total, tablesBefore.equals(after), tablesBefore,
                                 phaseSeconds, documents);
    }

    public double recordsPerSecond() {
        if (startedAt == null) {
            return 0;
        }
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        return done * 1000.0 / millis;
    }
}
