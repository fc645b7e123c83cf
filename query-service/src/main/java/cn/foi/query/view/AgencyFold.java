package cn.foi.query.view;

import cn.foi.events.agency.AgencyPlaced;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.LegacyFiguresRecorded;
import cn.foi.events.agency.ProactiveDisclosureRecorded;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.ReportTextsRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folds one of an agency's events into its view: a pure function; a redelivered event changes nothing. */
public final class AgencyFold {

    private AgencyFold() {
    }

    public static AgencyView apply(AgencyView view, PublishedEvent event, Object payload) {
        if (event.sequenceNumber() <= view.lastSeq()) {
            return view;
        }
        Instant recordedAt = HistoryEntry.recordedAt(event);
        if (payload instanceof AgencyRegistered registered) {
            return view.with(event.sequenceNumber(), registered.name(), registered.registeredOn(), view.closedYears(), view.proactive(),
                             entry(event, "机构登记", registered.registeredOn(), registered.name()));
        }
        if (payload instanceof ProactiveDisclosureRecorded recorded) {
            Map<Integer, List<AgencyView.ProactiveVersion>> proactive = new HashMap<>(view.proactive());
            List<AgencyView.ProactiveVersion> versions = new ArrayList<>(proactive.getOrDefault(recorded.year(), List.of()));
            versions.add(new AgencyView.ProactiveVersion(recorded.version(), recorded.recordedOn(), recordedAt, recorded.figures()));
            proactive.put(recorded.year(), List.copyOf(versions));
            return view.with(event.sequenceNumber(), view.name(), view.registeredOn(), view.closedYears(), proactive,
                             entry(event, recorded.year() + " 年主动公开情况（表二）第 " + recorded.version() + " 版",
                                   recorded.recordedOn(), ""));
        }
        if (payload instanceof LegacyFiguresRecorded recorded) {
            Map<Integer, List<AgencyView.LegacyFiguresVersion>> legacy = new HashMap<>(view.legacyFigures());
            List<AgencyView.LegacyFiguresVersion> versions = new ArrayList<>(legacy.getOrDefault(recorded.year(), List.of()));
            versions.add(new AgencyView.LegacyFiguresVersion(recorded.version(), recorded.recordedOn(), recordedAt, recorded.figures()));
            legacy.put(recorded.year(), List.copyOf(versions));
            return view.withLegacyFigures(event.sequenceNumber(), legacy,
                                          entry(event, recorded.year() + " 年政府信息公开情况统计表（由本机关填写的项目）第 "
                                                       + recorded.version() + " 版", recorded.recordedOn(), ""));
        }
        if (payload instanceof ReportingYearClosed closed) {
            Map<Integer, AgencyView.YearClose> closedYears = new HashMap<>(view.closedYears());
            closedYears.put(closed.year(), new AgencyView.YearClose(closed.closedOn(), closed.carriedForward().size(),
                                                                    event.globalIndex(), recordedAt));
            return view.with(event.sequenceNumber(), view.name(), view.registeredOn(), closedYears, view.proactive(),
                             entry(event, closed.year() + " 年度关闭", closed.closedOn(),
                                   "结转下年度 " + closed.carriedForward().size() + " 件"));
        }
        if (payload instanceof AgencyPlaced placed) {
            String where = placed.parentId() == null ? "不再隶属其他机构" : "隶属于 " + placed.parentId();
            return view.withPlacement(event.sequenceNumber(), new AgencyView.Placement(placed.parentId(), placed.placedOn(), recordedAt),
                                      entry(event, "机构隶属关系", placed.placedOn(),
                                            where + (placed.previousParentId() == null ? "" : "（原隶属于 " + placed.previousParentId() + "）")));
        }
        if (payload instanceof ReportTextsRecorded texts) {
            AgencyView.ReportYear report = view.reports().getOrDefault(texts.year(), AgencyView.ReportYear.NONE);
            List<AgencyView.TextVersion> versions = new ArrayList<>(report.versions());
            HistoryEntry entry = entry(event, texts.year() + " 年度报告文本第 " + texts.version() + " 版", texts.recordedOn(),
                                       "修改章节：" + String.join("、", texts.sections().keySet()));
            versions.add(new AgencyView.TextVersion(texts.version(), texts.recordedOn(), recordedAt, entry.recordedBy(), texts.sections()));
            return view.withReport(event.sequenceNumber(), texts.year(), new AgencyView.ReportYear(versions, report.publications()), entry);
        }
        if (payload instanceof AnnualReportPublished published) {
            AgencyView.ReportYear report = view.reports().getOrDefault(published.year(), AgencyView.ReportYear.NONE);
            List<AgencyView.Publication> publications = new ArrayList<>(report.publications());
            HistoryEntry entry = entry(event, published.year() + " 年度报告发布（第 " + published.publication() + " 次）",
                                       published.publishedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(),
                                       "SHA-256 " + published.digest() + (published.reason() == null ? "" : "；理由：" + published.reason()));
            publications.add(new AgencyView.Publication(published.publication(), published.publishedAt(), entry.recordedBy(),
                                                        published.reason(), published.textVersion(), published.digest(), published.report()));
            return view.withReport(event.sequenceNumber(), published.year(), new AgencyView.ReportYear(report.versions(), publications), entry);
        }
        if (payload instanceof cn.foi.events.casenumber.CaseNumberPatternSet set) {
            return view.withEntry(event.sequenceNumber(), entry(event, "编号格式", recordedAt.atZone(java.time.ZoneId.of("Asia/Shanghai"))
                                                                                          .toLocalDate(), set.pattern()));
        }
        if (payload instanceof cn.foi.events.letter.LetterTemplateSet set) {
            HistoryEntry entry = entry(event, set.kind().label() + "模板第 " + set.version() + " 版", set.setOn(), set.title());
            return view.withLetterTemplate(event.sequenceNumber(), new AgencyView.LetterTemplateVersion(set.kind(), set.version(), set.title(),
                    set.body(), set.setOn(), recordedAt, entry.recordedBy()), entry);
        }
        return new AgencyView(view.agencyId(), event.sequenceNumber(), view.name(), view.registeredOn(), view.closedYears(),
                              view.proactive(), view.legacyFigures(), view.reports(), view.placements(), view.history(),
                              view.letterTemplates());
    }

    private static HistoryEntry entry(PublishedEvent event, String label, LocalDate businessDate, String summary) {
        return HistoryEntry.of(event, label, businessDate, summary);
    }
}
