package cn.foi.query.admin;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.EventConsumer;
import cn.foi.query.projection.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Rebuilds every projection from the event log (the topic, from offset 0) and reports on it. */
@RestController
class RebuildController {

    private final EventConsumer consumer;

    RebuildController(EventConsumer consumer) {
        this.consumer = consumer;
    }

    record Started(String status) {
    }

    /** How far the projection is behind the topic; unhealthy when the consumer has stopped on a failure. */
    record Projection(long position, long end, long lag, boolean healthy) {
    }

    /**
     * A rebuild's progress and outcome. {@code secondsBy}: where its time went (read, decode, apply, write);
     * {@code documents}: what its writes cost the store (inserted, replaced, read back).
     */
    record Rebuild(boolean running, java.time.Instant startedAt, java.time.Instant finishedAt, long total, long done,
                   long recordsPerSecond, Boolean tablesEqualBefore, Map<String, Double> secondsBy, Map<String, Long> documents) {
    }

    @PostMapping("/api/admin/rebuild")
    ResponseEntity<Started> rebuild() {
        if (!consumer.requestRebuild()) {
            throw new QueryProblem(HttpStatus.CONFLICT, "重建正在进行中 (a rebuild is already running)");
        }
        return ResponseEntity.accepted().body(new Started("STARTED"));
    }

    /** How far the projection is behind the topic. */
    @GetMapping("/api/admin/projection")
    Projection projection() {
        EventConsumer.Progress progress = consumer.progress();
        return new Projection(progress.position(), progress.end(), progress.lag(), consumer.failure() == null);
    }

    @GetMapping("/api/admin/rebuild")
    Rebuild status() {
        RebuildStatus status = consumer.rebuildStatus();
        return new Rebuild(status.running(), status.startedAt(), status.finishedAt(), status.total(), status.done(),
                           Math.round(status.recordsPerSecond()), status.tablesEqual(), status.phaseSeconds(), status.documents());
    }
}
