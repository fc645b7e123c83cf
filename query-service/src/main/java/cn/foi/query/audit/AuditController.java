package cn.foi.query.audit;

import cn.foi.query.problem.QueryProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors and administrators verify the event log (security: {@code /api/audit/**}). */
@RestController
class AuditController {

    private static final java.util.regex.Pattern SHA_256 = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    private final LogAudit audit;

    AuditController(LogAudit audit) {
        this.audit = audit;
    }

    /**
     * Recomputes every digest of the log. With {@code globalIndex} and {@code head} (an export's {@code basedOn}), also
     * says whether that export was computed from this log.
     */
    @GetMapping("/api/audit/verification")
    LogAudit.Verification verify(@RequestParam(required = false) Long globalIndex, @RequestParam(required = false) String head) {
        if ((globalIndex == null) != (head == null)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "核对出处须同时给出 globalIndex 和 head (give both globalIndex and head of a basedOn)");
        }
        if (head != null && (globalIndex < -1 || !SHA_256.matcher(head).matches())) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST,
                    "出处格式不对：globalIndex 应为不小于 -1 的整数，head 应为 64 位十六进制摘要 (globalIndex >= -1, head a SHA-256 in hex)");
        }
        return audit.verify(head == null ? null : new LogAudit.BasedOn(globalIndex, head));
    }

    @GetMapping("/api/audit/verification/progress")
    LogAudit.Progress progress() {
        return audit.progress();
    }
}
