package cn.foi.command.publication;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import cn.foi.events.published.EventTopic;

import java.util.Properties;

@Configuration
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, String> eventProducer(@Value("${foi.kafka.bootstrap}") String bootstrap,
                                           @Value("${foi.kafka.topic:foi.events}") String topic,
                                           @Value("${foi.kafka.partitions:3}") int partitions,
                                           @Value("${foi.kafka.replication:1}") short replication) {
        EventTopic.ensure(bootstrap, topic, partitions, replication);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props) {
            /**
             * Bounded: a plain close waits for every record in flight, for ever while the broker is away, and held a
             * stopping service for a minute. Whatever is left unacknowledged is published again from the token.
             */
            @Override
            public void close() {
                close(java.time.Duration.ofSeconds(5));
            }
        };
    }
}
