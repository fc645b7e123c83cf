package cn.foi.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    public void save(UserAccount account) {
        users.replaceOne(Filters.eq("_id", account.username()), documentOf(account), new ReplaceOptions().upsert(true));
    }

    private static Document documentOf(UserAccount account) {
        return new Document("_id", account.username())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Enum::name).sorted().toList())
                .append("agencies", new ArrayList<>(new TreeSet<>(account.agencies())));
    }

    private static UserAccount accountOf(Document doc) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        doc.getList("roles", String.class).forEach(r -> roles.add(Role.valueOf(r)));
        return new UserAccount(doc.getString("_id"), doc.getString("passwordHash"), roles,
                               Set.copyOf(doc.getList("agencies", String.class)));
    }
}
