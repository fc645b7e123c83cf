package cn.foi.query.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

@Configuration
class ProjectionConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    Ledger ledger() {
        return new Ledger();
    }

    @Bean
    ReadModel readModel(MongoClient mongoClient, @Value("${foi.mongo.database:foi_query}") String name,
                        @Value("${foi.projection.cached-documents:20000}") int cachedDocuments,
                        ObjectMapper objectMapper, Ledger ledger) {
        MongoDatabase database = mongoClient.getDatabase(name);
        return new ReadModel(database, objectMapper, ledger, cachedDocuments);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EventConsumer eventConsumer(@Value("${foi.kafka.bootstrap}") String bootstrap,
                                @Value("${foi.kafka.topic:foi.events}") String topic,
                                @Value("${foi.kafka.group-id:foi-query-projection}") String groupId,
                                @Value("${foi.kafka.topic-wait:PT2M}") Duration topicWait,
                                @Value("${foi.projection.batch-size:2000}") int batchSize,
                                @Value("${foi.projection.flush-events:20000}") int flushEvents,
                                @Value("${foi.projection.rebuild-flush-events:100000}") int rebuildFlushEvents,
                                ReadModel readModel, TableSnapshot tables) {
        return new EventConsumer(bootstrap, topic, groupId, topicWait, batchSize, flushEvents, rebuildFlushEvents, readModel,
                                 tables::all);
    }

    @Bean
    HealthIndicator projection(EventConsumer consumer) {
        return () -> {
            String failure = consumer.failure();
            if (failure == null && consumer.isReady()) {
                return Health.up().withDetail("rebuilding", consumer.rebuildStatus().running()).build();
            }
            return Health.down().withDetail("reason", failure == null ? "starting" : failure).build();
        };
    }
}
