package cn.foi.command.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * How far a tracking processor has stored its token, read from the token store every instance of the command
 * service shares: the processor runs once, in whichever instance holds its claim, so its local status says nothing
 * in the others. Read without claiming, which the token store's own API cannot do.
 */
@Component
public class ProcessorPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    ProcessorPositions(MongoDatabase commandDatabase, Serializer serializer) {
        this.tokens = commandDatabase.getCollection(EventStoreConfiguration.TOKENS);
        this.serializer = serializer; // the token store's (EventStoreConfiguration.tokenStore)
    }

    /** The global index every segment of {@code processor} has passed; -1 before its first token. */
    public long storedPosition(String processor) {
        long least = Long.MAX_VALUE;
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            Binary token = entry.get("token", Binary.class);
            if (token == null) {
                return -1;
            }
            TrackingToken stored = serializer.deserialize(
                    new SimpleSerializedObject<>(token.getData(), byte[].class, entry.getString("tokenType"), null));
            least = Math.min(least, stored.position().orElse(-1));
        }
        return least == Long.MAX_VALUE ? -1 : least;
    }
}
