package cn.foi.query.completeness;

import cn.foi.access.Caller;
import cn.foi.access.Role;
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

    /** Figures of the whole store; the lines and events of an agency only for those who may read it. */
    @GetMapping("/api/admin/completeness")
    CompletenessCheck.Report check() {
        CompletenessCheck.Report report = check.check();
        Caller caller = Caller.current().orElseThrow();
        if (caller.has(Role.ADMIN)) {
            return report;
        }
        return new CompletenessCheck.Report(report.complete(), report.checkedAt(), report.storeHead(), report.projectedUpTo(),
                report.applied(), report.missing(), report.missingRanges(),
                report.missingEvents().stream().filter(e -> e.agencyId() != null && caller.mayRead(e.agencyId())).toList(),
                report.agencyYears().stream().filter(line -> caller.mayRead(line.agencyId())).toList(),
                report.rebuilding(), report.lastRepair());
    }

    @PostMapping("/api/admin/completeness/repair")
    CompletenessCheck.Repair repair() {
        CompletenessCheck.Repair repair;
        try {
            repair = check.repairNow();
        } catch (IllegalStateException e) {
            throw new QueryProblem(HttpStatus.CONFLICT, e.getMessage());
        }
        if (repair == null) {
            throw new QueryProblem(HttpStatus.CONFLICT, "投影已完整，没有需要重新发布的事件");
        }
        return repair;
    }
}
