package cn.foi.query.admin;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.EventConsumer;
import cn.foi.query.projection.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rebuilds every projection from the event log (the topic, from offset 0) and reports on it. */
@RestController
class RebuildController {

    private final EventConsumer consumer;

    RebuildController(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @PostMapping("/api/admin/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        if (!consumer.requestRebuild()) {
            throw new QueryProblem(HttpStatus.CONFLICT, "重建正在进行中 (a rebuild is already running)");
        }
        return ResponseEntity.accepted().body(Map.of("status", "STARTED"));
    }

    /** How far the projection is behind the topic. */
    @GetMapping("/api/admin/projection")
    Map<String, Object> projection() {
        EventConsumer.Progress progress = consumer.progress();
        return Map.of("position", progress.position(), "end", progress.end(), "lag", progress.lag(),
                      "healthy", consumer.failure() == null);
    }

    @GetMapping("/api/admin/rebuild")
    Map<String, Object> status() {
        RebuildStatus status = consumer.rebuildStatus();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", status.running());
        body.put("startedAt", status.startedAt());
        body.put("finishedAt", status.finishedAt());
        body.put("total", status.total());
        body.put("done", status.done());
        body.put("recordsPerSecond", Math.round(status.recordsPerSecond()));
        body.put("tablesEqualBefore", status.tablesEqual());
        body.put("secondsBy", status.phaseSeconds()); // read, decode, apply, write: where a rebuild's time went
        body.put("documents", status.documents()); // inserted, replaced, read back: what its writes cost the store
        return body;
    }
}
