package cn.foi.query.completeness;

import cn.foi.query.problem.QueryProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Is every event of the event store in the projection? Auditors and administrators run the comparison (a read of
 * the store and the tables, nothing changed); administrators may ask for the missing events to be published again
 * at once rather than waiting for the watch to do it.
 */
@RestController
class CompletenessController {

    private final CompletenessCheck check;

    CompletenessController(CompletenessCheck check) {
        this.check = check;
    }

    @GetMapping("/api/admin/completeness")
    CompletenessCheck.Report check() {
        return check.check();
    }

    @PostMapping("/api/admin/completeness/repair")
    CompletenessCheck.Repair repair() {
        var gaps = check.gapsNow();
        if (gaps.isEmpty()) {
            throw new QueryProblem(HttpStatus.CONFLICT, "投影已完整，没有需要重新发布的事件");
        }
        return check.repair(gaps, "asked for by an administrator");
    }
}
