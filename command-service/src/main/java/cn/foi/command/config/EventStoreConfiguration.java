package cn.foi.command.config;

import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import cn.foi.command.calendar.CalendarBook;
import cn.foi.command.calendar.NationalCalendar;
import cn.foi.events.calendar.HolidayArrangementPublished;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
public class EventStoreConfiguration {

    /** Processors that must see every event from the very first one. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    public static final String REQUEST_REGISTER = "request-register";
    /** Where the processors' tokens are kept, shared by every instance (the request register reads it too). */
    public static final String TOKENS = "trackingtokens";

    @Bean
    MongoDatabase commandDatabase(MongoClient mongoClient, @Value("${foi.mongo.database:foi_command}") String name) {
        return mongoClient.getDatabase(name);
    }

    @Bean(destroyMethod = "writeHeadHint")
    CommitLogEventStorageEngine eventStorageEngine(MongoDatabase commandDatabase,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   Serializer serializer,
                                                   @Value("${foi.eventstore.batch-size:500}") int batchSize) {
        CommitLogEventStorageEngine engine = CommitLogEventStorageEngine.builder()
                                                                        .database(commandDatabase)
                                                                        .eventSerializer(eventSerializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .batchSize(batchSize)
                                                                        .build();
        engine.ensureIndexes();
        engine.sealUnsealedHistory();
        return engine;
    }

    @Bean
    TokenStore tokenStore(MongoClient mongoClient, @Value("${foi.mongo.database:foi_command}") String name,
                          Serializer serializer) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, name)
                                                                 .trackingTokensCollectionName(TOKENS).build())
                              .serializer(serializer)
                              // a node of its own per instance: Axon's default names the JVM, and two instances in
                              // one JVM (the tests) would both hold every claim
                              .nodeId(java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
                                      + java.util.UUID.randomUUID())
                              .build();
    }

    /**
     * Aggregates stay in memory between commands, so a command rarely reads the store at all. Bounded
     * and strong: a weak-reference cache was emptied by every garbage collection.
     */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager(@Value("${foi.aggregate-cache.entries:200000}") long entries) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                                  .withCache("aggregates", CacheConfigurationBuilder.newCacheConfigurationBuilder(
                                          Object.class, Object.class, ResourcePoolsBuilder.heap(entries)))
                                  .build(true);
    }

    @Bean
    Cache aggregateCache(CacheManager aggregateCacheManager) {
        return new EhCache3Adapter((Ehcache<?, ?>) aggregateCacheManager.getCache("aggregates", Object.class, Object.class));
    }

    /** Working days per the State Council's notices: the shipped years, then those published as events. */
    @Bean
    CalendarBook calendarBook(EventStore eventStore) {
        return new CalendarBook(() -> eventStore.readEvents(NationalCalendar.ID).asStream()
                                                .map(message -> message.getPayload())
                                                .filter(HolidayArrangementPublished.class::isInstance)
                                                .map(p -> ((HolidayArrangementPublished) p).arrangement())
                                                .toList());
    }

    /** Business dates are Beijing dates. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    public ConfigurerModule trackingProcessorsFromTheFirstEvent(@Value("${foi.processor.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : new String[]{KAFKA_PUBLISHER, REQUEST_REGISTER}) {
                processing.registerTrackingEventProcessorConfiguration(
                        name, c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                      .andBatchSize(batchSize)
                                                                      .andInitialTrackingToken(StreamableMessageSource::createTailToken));
                processing.registerTrackingEventProcessor(name);
                // their handlers hand events on; the token is stored after that, never before (decision 0008)
                processing.registerHandlerInterceptor(name, c -> EndOfBatch.interceptor());
                // a handler that throws fails its batch, which is retried: the default logs it and moves on past it
                processing.registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance());
            }
            // the calendar book learns of a new notice in the same unit of work that stores it
            processing.registerSubscribingEventProcessor(CalendarBook.GROUP);
        });
    }
}
