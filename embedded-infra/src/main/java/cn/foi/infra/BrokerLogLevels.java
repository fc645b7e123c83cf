package cn.foi.infra;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded Kafka broker's chatty INFO/DEBUG logging down to WARN, but only for loggers the
 * application has not configured itself. Done in code rather than with a logback.xml in this jar, which
 * would clash with the services' own logging configuration.
 */
final class BrokerLogLevels {

    static final List<String> BROKER_LOGGERS = List.of(
        "kafka", "org.apache.kafka", "org.apache.zookeeper", "state.change.logger");

    private BrokerLogLevels() {
    }

    static void quietUnlessConfigured() {
        try {
            Logback.apply();
        } catch (LinkageError notLogback) {
            // Another SLF4J backend: leave its configuration alone.
        }
    }

    /** Separate class so that a missing logback only fails here, on first use. */
    private static final class Logback {
        static void apply() {
            if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
                return;
            }
            for (String name : BROKER_LOGGERS) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
