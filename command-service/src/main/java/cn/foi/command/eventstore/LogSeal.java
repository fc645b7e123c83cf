package cn.foi.command.eventstore;

import cn.foi.events.published.LogDigest;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.foi.events.published.LogDigest.DIGEST;

/**
 * Seals commits with the log's digests ({@link LogDigest}) as they are stored, and remembers the last digest of
 * recently written or read aggregates, so that sealing the next commit of an aggregate rarely reads the store (the
 * same bound as the aggregate cache: aggregates that the cache holds were written or read here).
 */
final class LogSeal {

    private static final int TIPS_KEPT = 200_000;

    /** The digest of an aggregate's event at a sequence number. */
    record Tip(long sequence, String digest) {
    }

    private final Map<String, Tip> tips = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tip> eldest) {
            return size() > TIPS_KEPT;
        }
    };

    /**
     * Puts each event's digest into its stored document, chained from {@code previousInAggregate}, and answers the
     * log's head after the commit, chained from {@code head}.
     */
    static String seal(String aggregateType, String aggregateId, List<Document> events, String previousInAggregate, String head) {
        String previous = previousInAggregate;
        for (Document event : events) {
            String digest = LogDigest.ofEvent(LogDigest.fields(aggregateType, aggregateId, event), previous);
            event.put(DIGEST, digest);
            previous = digest;
            head = LogDigest.nextHead(head, digest);
        }
        return head;
    }

    /** The digest of {@code aggregateId}'s event at {@code sequence}, when remembered. */
    synchronized String digestAt(String aggregateId, long sequence) {
        Tip tip = tips.get(aggregateId);
        return tip != null && tip.sequence() == sequence ? tip.digest() : null;
    }

    synchronized void remember(String aggregateId, Tip tip) {
        Tip known = tips.get(aggregateId);
        if (known == null || known.sequence() <= tip.sequence()) {
            tips.put(aggregateId, tip);
        }
    }

    synchronized void forget(String aggregateId) {
        tips.remove(aggregateId);
    }
}
