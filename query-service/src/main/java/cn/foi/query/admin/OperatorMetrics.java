package cn.foi.query.admin;

import cn.foi.query.completeness.CompletenessCheck;
import cn.foi.query.projection.EventConsumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an operator of a province's platform watches on the query side (Prometheus at /actuator/prometheus): how far the
 * projection is behind the topic, whether every stored event is projected, and a rebuild's progress. Calls refused, by
 * status, are Spring's own {@code http_server_requests_seconds_count{status="4xx"}}.
 */
@Component
class OperatorMetrics {

    OperatorMetrics(MeterRegistry registry, EventConsumer consumer, ObjectProvider<CompletenessCheck> completeness) {
        Gauge.builder("foi.projection.lag", consumer, c -> c.progress().lag())
             .description("events on the topic not yet projected").baseUnit("events").register(registry);
        Gauge.builder("foi.projection.missing", completeness, c -> {
                 CompletenessCheck check = c.getIfAvailable();
                 return check == null ? Double.NaN : Math.max(0, check.status().missing());
             }).description("stored events below the store's head not projected (the completeness check)").baseUnit("events").register(registry);
        Gauge.builder("foi.projection.rebuild.running", consumer, c -> c.rebuildStatus().running() ? 1 : 0)
             .description("1 while a rebuild of the projections runs").register(registry);
        Gauge.builder("foi.projection.rebuild.progress", consumer, c -> {
                 var status = c.rebuildStatus();
                 return status.total() <= 0 ? (status.running() ? 0 : 1) : Math.min(1.0, (double) status.done() / status.total());
             }).description("share of the topic a running (or the last) rebuild has read").register(registry);
    }
}
