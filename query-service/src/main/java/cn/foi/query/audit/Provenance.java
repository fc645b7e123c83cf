package cn.foi.query.audit;

import cn.foi.query.projection.ReadModel;
import org.springframework.stereotype.Component;

/**
 * What an export was computed from: every event of the log up to {@code globalIndex} (the projection's contiguous
 * end), and the log's head digest after it, as stored. An auditor checks it with
 * {@code GET /api/audit/verification?globalIndex=…&head=…}.
 */
@Component
public class Provenance {

    private final LogAudit audit;
    private final ReadModel readModel;

    private final cn.foi.query.eventlog.EventStoreReader store;

    Provenance(LogAudit audit, ReadModel readModel, cn.foi.query.eventlog.EventStoreReader store) {
        this.store = store;
        this.audit = audit;
        this.readModel = readModel;
    }

    /** Where the projection stands now. */
    public LogAudit.BasedOn current() {
        return audit.basedOn(readModel.applied().contiguousEnd());
    }

    /** Where the log stood at {@code moment} (null: now), as far as the projection holds it: what an as-of answer counts. */
    public LogAudit.BasedOn at(java.time.Instant moment) {
        if (moment == null) {
            return current();
        }
        return audit.basedOn(Math.min(store.endRecordedBy(moment), readModel.applied().contiguousEnd()));
    }

    /** Where the log stood just before global index {@code position} (a publication's drafting position). */
    public LogAudit.BasedOn before(long position) {
        return audit.basedOn(position);
    }

    /** Every answer also names its provenance in a header: {@code globalIndex=…; head=…}. */
    public static final String HEADER = "X-FOI-Based-On";

    public static String header(LogAudit.BasedOn basedOn) {
        return "globalIndex=" + basedOn.globalIndex() + "; head=" + basedOn.head();
    }

    /** The line an export prints at its end. */
    public static String footnote(LogAudit.BasedOn basedOn) {
        if (basedOn.globalIndex() < 0) {
            return "数据出处：事件日志尚无事件。";
        }
        return "数据出处：事件日志全局序号 0 至 " + basedOn.globalIndex() + " 的全部事件；日志头摘要（SHA-256）"
               + basedOn.head() + "。审计人员可在“日志校验”页核对。";
    }
}
