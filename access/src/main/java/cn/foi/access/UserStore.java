package cn.foi.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users and their grants in MongoDB ({@code foi_access.users}), shared by both services: the command
 * service manages them, both read them. Not events: a password hash must be replaceable and erasable,
 * which an append-only log forbids.
 */
public class UserStore {

    private final MongoCollection<Document> users;

    public UserStore(MongoDatabase database) {
        this.users = database.getCollection("users");
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(UserStore::accountOf);
    }

    /** A user with their sign-in state: wrong passwords in a row since the last success, and a lock's end. */
    public record StoredUser(UserAccount account, int failedSignIns, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<StoredUser> findWithSignInState(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first())
                       .map(doc -> new StoredUser(accountOf(doc), doc.getInteger(FAILED, 0),
                                                  doc.getDate(LOCKED_UNTIL) == null ? null : doc.getDate(LOCKED_UNTIL).toInstant()));
    }

    /**
     * One more wrong password in a row, counted atomically (both services count into the same document); the
     * {@code limit}-th locks the account until {@code now + lockFor}. Answers the lock's end when this one locked it.
     */
    public Instant recordFailedSignIn(String username, Instant now, int limit, Duration lockFor) {
        Document after = users.findOneAndUpdate(Filters.eq("_id", username), Updates.inc(FAILED, 1),
                                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null || after.getInteger(FAILED, 0) < limit) {
            return null;
        }
        Instant until = now.plus(lockFor);
        users.updateOne(Filters.eq("_id", username), Updates.combine(Updates.set(FAILED, 0), Updates.set(LOCKED_UNTIL, Date.from(until))));
        return until;
    }

    /** A right password: the count of wrong ones starts again. */
    public void recordSuccessfulSignIn(String username) {
        users.updateOne(Filters.and(Filters.eq("_id", username), Filters.gt(FAILED, 0)), Updates.set(FAILED, 0));
    }

    /** Ends a lock early; false when the user does not exist. */
    public boolean unlock(String username) {
        return users.updateOne(Filters.eq("_id", username), Updates.combine(Updates.set(FAILED, 0), Updates.unset(LOCKED_UNTIL)))
                    .getMatchedCount() == 1;
    }

    /** Locks not yet recorded in the event log: username → the lock's end (the command service records them). */
    public Map<String, Instant> locksNotRecorded() {
        Map<String, Instant> locks = new java.util.TreeMap<>();
        users.find(Filters.exists(LOCKED_UNTIL)).forEach(doc -> {
            Date until = doc.getDate(LOCKED_UNTIL);
            if (until != null && !until.equals(doc.getDate(LOCK_RECORDED))) {
                locks.put(doc.getString("_id"), until.toInstant());
            }
        });
        return locks;
    }

    public void lockRecorded(String username, Instant lockedUntil) {
        users.updateOne(Filters.eq("_id", username), Updates.set(LOCK_RECORDED, Date.from(lockedUntil)));
    }

    private static final String LOCK_RECORDED = "lockRecorded";
    private static final String FAILED = "failedSignIns";
    private static final String LOCKED_UNTIL = "lockedUntil";

    public List<UserAccount> all() {
        List<UserAccount> all = new ArrayList<>();
        users.find().sort(Sorts.ascending("_id")).forEach(doc -> all.add(accountOf(doc)));
        return all;
    }

    /** Creates the user; false if the name is taken (the unique _id decides, even between two callers). */
    public boolean create(UserAccount account) {
        try {
            users.insertOne(documentOf(account));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Only the password's hash: a change made meanwhile to anything else stays. */
    public void setPasswordHash(String username, String hash) {
        users.updateOne(Filters.eq("_id", username), Updates.set("passwordHash", hash));
    }

    /** Only whether the account may sign in. */
    public void setDisabled(String username, boolean disabled) {
        users.updateOne(Filters.eq("_id", username), Updates.set("disabled", disabled));
    }

    /** Only roles, grants and display name. */
    public void setAccess(UserAccount account) {
        users.updateOne(Filters.eq("_id", account.username()), Updates.combine(
                Updates.set("roles", account.roles().stream().map(Enum::name).sorted().toList()),
                Updates.set("agencies", new ArrayList<>(new TreeSet<>(account.agencies()))),
                Updates.set("displayName", account.displayName())));
    }

    /** Roles, grants and password as given; the sign-in state (wrong passwords, a lock) stays as it is. */
    public void save(UserAccount account) {
        Document fields = documentOf(account);
        fields.remove("_id");
        users.updateOne(Filters.eq("_id", account.username()), new Document("$set", fields), new UpdateOptions().upsert(true));
    }

    private static Document documentOf(UserAccount account) {
        return new Document("_id", account.username())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Enum::name).sorted().toList())
                .append("agencies", new ArrayList<>(new TreeSet<>(account.agencies())))
                .append("displayName", account.displayName())
                .append("disabled", account.disabled());
    }

    private static UserAccount accountOf(Document doc) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        doc.getList("roles", String.class).forEach(r -> roles.add(Role.valueOf(r)));
        return new UserAccount(doc.getString("_id"), doc.getString("passwordHash"), roles,
                               Set.copyOf(doc.getList("agencies", String.class)), doc.getString("displayName"),
                               Boolean.TRUE.equals(doc.getBoolean("disabled")));
    }
}
