package cn.foi.events.published;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static cn.foi.events.published.EventLogLayout.*;
import static cn.foi.events.published.LogDigest.DIGEST;
import static cn.foi.events.published.LogDigest.GENESIS;
import static cn.foi.events.published.LogDigest.HEAD;

/**
 * Recomputes the log's digests ({@link LogDigest}) from its commits fed in store order, and names the first event
 * that does not agree: changed (its digest), removed (a gap in the global indexes or in its aggregate's sequence),
 * reordered (a sequence or a head out of place). A pure fold, so the command service's tests and the query service's
 * audit share it. Memory grows with the number of aggregates (their last digest), not with the number of events.
 * <p>
 * It computes exactly {@link LogDigest#ofEvent} and {@link LogDigest#nextHead}, but on bytes: one reused
 * {@link MessageDigest}, the digests kept as 32 bytes and compared with the stored hex text character by character,
 * the fields encoded into one reused buffer. On the benchmark's kind of events that is about 2 µs an event instead of
 * 5 (issue 16): the text form's per-event strings, hex round trips and digest look-ups cost more than the hashing.
 * {@code LogVerifierTest} holds the two computations to the same digests.
 */
public final class LogVerifier {

    /** Where the log first differs from its digests; {@code detail} is Chinese, for the auditor. */
    public record Mismatch(String aggregateId, Long sequenceNumber, long globalIndex, String detail) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GENESIS_TEXT = GENESIS.getBytes(StandardCharsets.US_ASCII);

    private final AggregateTips tips = new AggregateTips();
    private final MessageDigest sha = sha256();
    /** The event's digest just computed, and its hex text (what the next event of its aggregate is chained to). */
    private final byte[] digest = new byte[32];
    private final byte[] digestText = new byte[64];
    /** The fields' UTF-8 bytes, grown to the longest field seen. */
    private byte[] encoded = new byte[1024];
    private final byte[] number = new byte[Long.BYTES];
    private long nextIndex;
    private final byte[] head = new byte[32];
    private Mismatch firstMismatch;
    private final long watchedIndex;
    private String watchedHead;

    public LogVerifier() {
        this(-1);
    }

    /** Also keeps the head after the event at {@code watchedIndex} (an export's {@code basedOn}). */
    public LogVerifier(long watchedIndex) {
        this.watchedIndex = watchedIndex;
        if (watchedIndex == -1) {
            watchedHead = GENESIS;
        }
    }

    /**
     * The next commit in store order (a BSON document is such a map). Answers false once the log differs: nothing
     * after the first mismatch is checked.
     */
    public boolean accept(Map<String, ?> commit) {
        if (firstMismatch != null) {
            return false;
        }
        long start = ((Number) commit.get(FIRST_INDEX)).longValue();
        String aggregateId = (String) commit.get(AGGREGATE_ID);
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> events = (List<Map<String, ?>>) commit.get(EVENTS);
        if (start != nextIndex) {
            return mismatch(aggregateId, null, nextIndex, start > nextIndex
                    ? String.format("全局序号 %d 至 %d 的事件不在日志中（被删除）", nextIndex, start - 1)
                    : String.format("全局序号 %d 之后出现了起始于全局序号 %d 的提交（顺序被改动或重复）", nextIndex - 1, start));
        }
        if (events == null || events.isEmpty()
            || ((Number) commit.get(LAST_INDEX)).longValue() != start + events.size() - 1) {
            return mismatch(aggregateId, null, start, "提交中的事件数与其全局序号范围不符（事件被删除或添加）");
        }
        // the fields an aggregate is loaded by: not under the digests, so checked against the events they describe
        if (!Long.valueOf(((Number) events.get(0).get(SEQUENCE_NUMBER)).longValue()).equals(longOrNull(commit.get(FIRST_SEQUENCE_NUMBER)))
            || !Long.valueOf(((Number) events.get(events.size() - 1).get(SEQUENCE_NUMBER)).longValue())
                    .equals(longOrNull(commit.get(LAST_SEQUENCE_NUMBER)))) {
            return mismatch(aggregateId, null, start, "提交记载的首末序号与其事件不符（加载该对象时会漏读或错读事件）");
        }
        String aggregateType = (String) commit.get(AGGREGATE_TYPE);
        long key = AggregateTips.hash(aggregateId);
        for (int i = 0; i < events.size(); i++) {
            Map<String, ?> event = events.get(i);
            long index = start + i;
            long sequence = ((Number) event.get(SEQUENCE_NUMBER)).longValue();
            int slot = tips.find(key);
            long expected = tips.lastSequence(slot) + 1;
            if (sequence != expected) {
                return mismatch(aggregateId, sequence, index, sequence > expected
                        ? String.format("该对象序号 %d 至 %d 的事件不在日志中（被删除）", expected, sequence - 1)
                        : String.format("该对象序号 %d 的事件重复出现或顺序被改动", sequence));
            }
            digestOf(aggregateType, aggregateId, sequence, event, slot);
            Object stored = event.get(DIGEST);
            if (stored == null) {
                return mismatch(aggregateId, sequence, index, "事件没有摘要（未加封或摘要被删除）");
            }
            if (!sameText(digest, stored)) {
                return mismatch(aggregateId, sequence, index, "事件内容与其摘要不符（存储后被改动）");
            }
            tips.put(key, slot, sequence, digest);
            // LogDigest.nextHead: SHA-256 over the head's and the event's digest bytes
            sha.update(head);
            sha.update(digest);
            finish(head);
            if (index == watchedIndex) {
                watchedHead = HEX.formatHex(head);
            }
        }
        if (!sameText(head, commit.get(HEAD))) {
            long last = start + events.size() - 1;
            return mismatch(aggregateId, ((Number) events.get(events.size() - 1).get(SEQUENCE_NUMBER)).longValue(), last,
                            "日志头摘要与重算结果不符（此前的事件被改动、删除或重排，或摘要被重写）");
        }
        nextIndex = start + events.size();
        return true;
    }

    /**
     * {@link LogDigest#ofEvent} of the stored event, into {@link #digest}: the same fields in the same order, each
     * length-prefixed (-1 for none), the sequence number as 8 bytes, and last the hex text of the aggregate's previous
     * digest (its tip at {@code slot}, or {@link LogDigest#GENESIS}).
     */
    private void digestOf(String aggregateType, String aggregateId, long sequence, Map<String, ?> event, int slot) {
        // the casts and their order as in LogDigest.fields: a field of another type fails alike
        String eventIdentifier = (String) event.get(EVENT_IDENTIFIER);
        String payloadType = (String) event.get(PAYLOAD_TYPE);
        String payloadRevision = (String) event.get(PAYLOAD_REVISION);
        String payload = (String) event.get(PAYLOAD);
        String metaData = (String) event.get(META_DATA);
        String timestamp = (String) event.get(TIMESTAMP);
        field(aggregateType);
        field(aggregateId);
        putLong(sequence);
        sha.update(number, 0, Long.BYTES);
        field(eventIdentifier);
        field(payloadType);
        field(payloadRevision);
        field(payload);
        field(metaData);
        field(timestamp);
        putInt(64);
        sha.update(number, 0, Integer.BYTES);
        if (tips.used(slot)) {
            tips.digestText(slot, digestText);
            sha.update(digestText);
        } else {
            sha.update(GENESIS_TEXT);
        }
        finish(digest);
    }

    private void field(String value) {
        if (value == null) {
            putInt(-1);
            sha.update(number, 0, Integer.BYTES);
            return;
        }
        int length = encode(value);
        putInt(length);
        sha.update(number, 0, Integer.BYTES);
        sha.update(encoded, 0, length);
    }

    /**
     * {@code value.getBytes(UTF_8)} into {@link #encoded}, without a new array per field: the same bytes, an unpaired
     * surrogate replaced by '?' as the JDK's encoder does.
     */
    private int encode(String value) {
        int length = value.length();
        if (encoded.length < length * 3) {
            encoded = new byte[Math.max(length * 3, encoded.length * 2)];
        }
        byte[] out = encoded;
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(low = value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, low);
                    i++;
                    out[at++] = (byte) (0xf0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3f));
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return at;
    }

    private void putInt(int value) {
        number[0] = (byte) (value >>> 24);
        number[1] = (byte) (value >>> 16);
        number[2] = (byte) (value >>> 8);
        number[3] = (byte) value;
    }

    private void putLong(long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            number[i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private void finish(byte[] into) {
        try {
            sha.digest(into, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 has 32 bytes", e);
        }
    }

    /** Whether {@code stored} is the lower-case hex text of {@code bytes} (what {@code equals} of the text form asked). */
    private static boolean sameText(byte[] bytes, Object stored) {
        if (!(stored instanceof String text) || text.length() != bytes.length * 2) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (text.charAt(2 * i) != HEX_DIGITS[(bytes[i] >> 4) & 0xf] || text.charAt(2 * i + 1) != HEX_DIGITS[bytes[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    /** The log should end at {@code expectedEnd} (as far as the store's own hint says it once reached). */
    public void expectEnd(long expectedEnd) {
        if (firstMismatch == null && expectedEnd > nextIndex) {
            mismatch(null, null, nextIndex, String.format("日志曾至少有%d条事件，现只有%d条（末尾的事件被删除）", expectedEnd, nextIndex));
        }
    }

    private boolean mismatch(String aggregateId, Long sequence, long index, String detail) {
        firstMismatch = new Mismatch(aggregateId, sequence, index, detail);
        return false;
    }

    public long events() {
        return nextIndex;
    }

    public int aggregates() {
        return tips.size();
    }

    /** The head digest after every event verified so far. */
    public String head() {
        return HEX.formatHex(head);
    }

    /** The head after the watched event, once it was verified; null before. */
    public String watchedHead() {
        return watchedHead;
    }

    public Mismatch firstMismatch() {
        return firstMismatch;
    }

    public boolean verified() {
        return firstMismatch == null;
    }

    /**
     * Each aggregate's last sequence number and digest, in flat arrays (open addressing by the identifier's hash):
     * about 100 bytes an aggregate, against some 250 in a map of strings. Two identifiers of the same 64-bit hash would
     * share a slot and be reported as a mismatch, never pass one.
     */
    static final class AggregateTips {
        private long[] keys = new long[1 << 16];
        private long[] sequences = new long[1 << 16];
        private byte[] digests = new byte[(1 << 16) * 32];
        private boolean[] used = new boolean[1 << 16];
        private int size;

        /** The slot of {@code key} (from {@link #hash}): its own, or the free one it would take. */
        int find(long key) {
            int mask = keys.length - 1;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        boolean used(int slot) {
            return used[slot];
        }

        long lastSequence(int slot) {
            return used[slot] ? sequences[slot] : -1;
        }

        /** The last digest at a used slot as lower-case hex text (what the next event's digest covers). */
        void digestText(int slot, byte[] into) {
            for (int i = 0; i < 32; i++) {
                byte b = digests[slot * 32 + i];
                into[2 * i] = HEX_DIGITS[(b >> 4) & 0xf];
                into[2 * i + 1] = HEX_DIGITS[b & 0xf];
            }
        }

        /** Puts {@code key}'s last sequence and digest at {@code slot}, the one {@link #find} answered just before. */
        void put(long key, int slot, long sequence, byte[] digest) {
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = key;
                if (++size * 2 > keys.length) {
                    grow();
                    slot = find(key);
                }
            }
            sequences[slot] = sequence;
            System.arraycopy(digest, 0, digests, slot * 32, 32);
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldSequences = sequences;
            byte[] oldDigests = digests;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            sequences = new long[keys.length];
            digests = new byte[keys.length * 32];
            used = new boolean[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = find(oldKeys[i]);
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    sequences[slot] = oldSequences[i];
                    System.arraycopy(oldDigests, i * 32, digests, slot * 32, 32);
                }
            }
        }

        /** 64-bit FNV-1a over the identifier's characters, then mixed (identifiers are often similar UUIDs). */
        static long hash(String aggregateId) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < aggregateId.length(); i++) {
                h ^= aggregateId.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }
    }
}
