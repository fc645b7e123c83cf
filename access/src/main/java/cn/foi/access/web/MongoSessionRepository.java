package cn.foi.access.web;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Web sessions in MongoDB ({@code foi_access.sessions}), so that a browser signed in once is known to both
 * services behind one origin (the query service serves the pages, the command service takes the actions).
 * Only plain values are kept (the signed-in user's name, see {@link SessionUsers}); roles and grants are read
 * afresh from the user store, so a changed grant or a removed user takes effect in open sessions too.
 */
public class MongoSessionRepository implements SessionRepository<MapSession> {

    private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

    private final MongoCollection<Document> sessions;
    private final Duration idleTimeout;

    public MongoSessionRepository(MongoDatabase database, Duration idleTimeout) {
        this.sessions = database.getCollection("sessions");
        this.idleTimeout = idleTimeout;
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // the id changes at sign-in (session fixation): the old id must stop working
            deleteById(session.getOriginalId());
        }
        Document attributes = new Document();
        for (String name : session.getAttributeNames()) {
            Object value = session.getAttribute(name);
            if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                attributes.append(name.replace('.', '\u2024'), value);
            } else if (value != null) {
                log.warn("session attribute {} of type {} not kept: sessions hold plain values only", name, value.getClass().getName());
            }
        }
        Document doc = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("attributes", attributes);
        sessions.replaceOne(Filters.eq("_id", session.getId()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document doc = sessions.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(doc.getDate("createdAt").toInstant());
        session.setLastAccessedTime(doc.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) doc.get("maxInactiveSeconds")).longValue()));
        if (session.isExpired()) {
            deleteById(id);
            return null;
        }
        Document attributes = doc.get("attributes", Document.class);
        if (attributes != null) {
            attributes.forEach((name, value) -> session.setAttribute(name.replace('\u2024', '.'), value));
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(Filters.eq("_id", id));
    }

    /**
     * Ends every web session of {@code username} but {@code keptSessionId} (null: all): after their password changed,
     * whoever signed in with the old one is signed out.
     */
    public long endSessionsOf(String username, String keptSessionId) {
        var filter = Filters.eq("attributes." + SessionUsers.USERNAME.replace('.', '\u2024'), username);
        if (keptSessionId != null) {
            filter = Filters.and(filter, Filters.ne("_id", keptSessionId));
        }
        return sessions.deleteMany(filter).getDeletedCount();
    }

    /** Drops sessions idle for longer than their timeout (called now and then; Mongo-wire servers may lack TTL indexes). */
    public long deleteExpired(Instant now) {
        long deleted = 0;
        for (Document doc : sessions.find()) {
            Instant last = doc.getDate("lastAccessedAt").toInstant();
            long max = ((Number) doc.get("maxInactiveSeconds")).longValue();
            if (last.plusSeconds(max).isBefore(now)) {
                deleted += sessions.deleteOne(Filters.eq("_id", doc.get("_id"))).getDeletedCount();
            }
        }
        return deleted;
    }
}
