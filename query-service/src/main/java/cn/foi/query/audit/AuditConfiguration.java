package cn.foi.query.audit;

import cn.foi.query.eventlog.EventStoreReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class AuditConfiguration {

    @Bean
    LogAudit logAudit(EventStoreReader store, Clock clock) {
        return new LogAudit(store, clock);
    }
}
