package cn.foi.events.published;

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
 */
public final class LogVerifier {

    /** Where the log first differs from its digests; {@code detail} is Chinese, for the auditor. */
    public record Mismatch(String aggregateId, Long sequenceNumber, long globalIndex, String detail) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final AggregateTips tips = new AggregateTips();
    private long nextIndex;
    private String head = GENESIS;
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
                    ? String.format("第%d至%d条事件不在日志中（被删除）", nextIndex, start - 1)
                    : String.format("第%d条事件之后出现了起始于第%d条的提交（顺序被改动或重复）", nextIndex - 1, start));
        }
        if (events == null || events.isEmpty()
            || ((Number) commit.get(LAST_INDEX)).longValue() != start + events.size() - 1) {
            return mismatch(aggregateId, null, start, "提交中的事件数与其全局序号范围不符（事件被删除或添加）");
        }
        String aggregateType = (String) commit.get(AGGREGATE_TYPE);
        for (int i = 0; i < events.size(); i++) {
            Map<String, ?> event = events.get(i);
            long index = start + i;
            long sequence = ((Number) event.get(SEQUENCE_NUMBER)).longValue();
            long expected = tips.lastSequence(aggregateId) + 1;
            if (sequence != expected) {
                return mismatch(aggregateId, sequence, index, sequence > expected
                        ? String.format("该案卷的第%d至%d号事件不在日志中（被删除）", expected, sequence - 1)
                        : String.format("该案卷的第%d号事件重复出现或顺序被改动", sequence));
            }
            byte[] previous = tips.lastDigest(aggregateId);
            String digest = LogDigest.ofEvent(LogDigest.fields(aggregateType, aggregateId, event),
                                              previous == null ? GENESIS : HEX.formatHex(previous));
            Object stored = event.get(DIGEST);
            if (stored == null) {
                return mismatch(aggregateId, sequence, index, "事件没有摘要（未加封或摘要被删除）");
            }
            if (!digest.equals(stored)) {
                return mismatch(aggregateId, sequence, index, "事件内容与其摘要不符（存储后被改动）");
            }
            tips.put(aggregateId, sequence, HEX.parseHex(digest));
            head = LogDigest.nextHead(head, digest);
            if (index == watchedIndex) {
                watchedHead = head;
            }
        }
        if (!head.equals(commit.get(HEAD))) {
            long last = start + events.size() - 1;
            return mismatch(aggregateId, ((Number) events.get(events.size() - 1).get(SEQUENCE_NUMBER)).longValue(), last,
                            "日志头摘要与重算结果不符（此前的事件被改动、删除或重排，或摘要被重写）");
        }
        nextIndex = start + events.size();
        return true;
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
        return head;
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

        long lastSequence(String aggregateId) {
            int slot = find(hash(aggregateId));
            return used[slot] ? sequences[slot] : -1;
        }

        byte[] lastDigest(String aggregateId) {
            int slot = find(hash(aggregateId));
            if (!used[slot]) {
                return null;
            }
            byte[] digest = new byte[32];
            System.arraycopy(digests, slot * 32, digest, 0, 32);
            return digest;
        }

        void put(String aggregateId, long sequence, byte[] digest) {
            long key = hash(aggregateId);
            int slot = find(key);
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

        private int find(long key) {
            int mask = keys.length - 1;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
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
        private static long hash(String aggregateId) {
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
