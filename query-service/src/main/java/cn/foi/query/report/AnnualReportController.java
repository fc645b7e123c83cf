package cn.foi.query.report;

import cn.foi.events.codes.ReportSection;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.events.report.ReportDigest;
import cn.foi.events.rules.ReportingYear;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.legacy.LegacyForm;
import cn.foi.query.legacy.LegacyStatistics;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTables;
import cn.foi.query.table.Moments;
import cn.foi.query.view.AgencyView;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole annual report of an agency's year (annual-report.md): as it stands now, drafted from the events and the
 * agency's texts, and every publication exactly as it was frozen, in JSON, plain text, Word and HTML.
 */
@RestController
class AnnualReportController {

    private static final Duration DRAFT_WAIT = Duration.ofSeconds(30);
    private static final java.time.format.DateTimeFormatter BEIJING_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                                                                                        .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final ReadModel readModel;
    private final AnnualTables tables;
    private final LegacyStatistics legacy;
    private final Deadlines deadlines;
    private final Clock clock;

    private final cn.foi.query.audit.Provenance provenance;

    AnnualReportController(ReadModel readModel, AnnualTables tables, LegacyStatistics legacy, Deadlines deadlines, Clock clock,
                           cn.foi.query.audit.Provenance provenance) {
        this.provenance = provenance;
        this.readModel = readModel;
        this.tables = tables;
        this.legacy = legacy;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A part of the report: as printed, the engine's own text in it, and the agency's saved text (null: the default). */
    record SectionAnswer(String code, String heading, String text, String generated, boolean editable, String agencyText,
                         Integer savedVersion, Instant savedAt, String savedBy) {
    }

    record PublicationSummary(int publication, Instant publishedAt, String publishedBy, String reason, int textVersion, String digest,
                              String href) {
    }

    /**
     * The report as it stands: {@code version} is the version of the agency's texts (0: none saved), {@code tables} the
     * tables (or, up to 2018, the statistics form by item), {@code published} every publication, {@code markers} where
     * the generated paragraph and sentence go in the agency's texts.
     */
    record ReportAnswer(String agencyId, String agencyName, int year, String layout, String title, List<SectionAnswer> sections,
                        Object tables, int version, List<TextSave> textVersions, boolean closed, List<PublicationSummary> published,
                        Map<String, String> markers, String text, List<cn.foi.events.report.AnnualReportPublished.Block> blocks,
                        Instant asOf, cn.foi.query.audit.LogAudit.BasedOn basedOn) {
    }

    /** The report's texts and publications as recorded by {@code moment} (null: all). */
    private static AgencyView.ReportYear asOf(AgencyView.ReportYear report, Instant moment) {
        if (moment == null) {
            return report;
        }
        return new AgencyView.ReportYear(
                report.versions().stream().filter(v -> v.recordedAt() == null || !v.recordedAt().isAfter(moment)).toList(),
                report.publications().stream().filter(p -> !p.publishedAt().isAfter(moment)).toList());
    }

    /** One save of the agency's texts: who saved which parts, when. */
    record TextSave(int version, Instant recordedAt, String recordedBy, List<String> sections) {
    }

    @GetMapping("/api/agencies/{agencyId}/annual-reports/{year}")
    ResponseEntity<?> report(@PathVariable String agencyId, @PathVariable int year, @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) String asOf) {
        AgencyView agency = agency(agencyId);
        requireReportingYear(year);
        Instant moment = asOf == null ? null : Moments.parse(asOf);
        if (moment != null && ReportingYear.isUnder2008Regulations(year)) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, "2018 年度及以前的报告暂不支持查看过去某一时刻的样子 (asOf is not offered for years up to "
                                   + ReportingYear.LAST_UNDER_2008_REGULATIONS + ")");
        }
        AgencyView.ReportYear report = asOf(agency.reports().getOrDefault(year, AgencyView.ReportYear.NONE), moment);
        int version = report.textVersion();
        Map<String, AgencyView.TextPart> texts = report.textsAt(version);
        cn.foi.query.audit.LogAudit.BasedOn basedOn = provenance.at(moment);
        FrozenReport draft = ReportDraft.withBasedOn(draft(agency, year, texts, moment), basedOn);
        return switch (format) {
            case "json" -> {
                List<SectionAnswer> sections = new ArrayList<>();
                for (var section : draft.sections()) {
                    AgencyView.TextPart own = texts.get(section.code());
                    boolean editable = ReportSection.valueOf(section.code()).agencyText();
                    sections.add(new SectionAnswer(section.code(), section.heading(), section.text(), section.generated(), editable,
                                                   own == null ? null : own.text(), own == null ? null : own.version(),
                                                   own == null ? null : own.recordedAt(), own == null ? null : own.recordedBy()));
                }
                Object tablesAnswer = ReportingYear.isUnder2008Regulations(year) ? LegacyForm.byCode(legacy.items(agency, year))
                        : tables.asOf(agencyId, year, moment).orElseThrow();
                AgencyView.YearClose close = agency.closedYears().get(year);
                boolean closed = close != null && (moment == null || close.recordedAt() == null || !close.recordedAt().isAfter(moment));
                yield ResponseEntity.ok(new ReportAnswer(agencyId, agency.name(), year, layout(year), draft.title(), sections, tablesAnswer,
                                                         version, report.versions().stream().map(saved -> new TextSave(
                                                                 saved.version(), saved.recordedAt(), saved.recordedBy(),
                                                                 List.copyOf(saved.sections().keySet()))).toList(),
                                                         closed, summaries(agencyId, year, report),
                                                         Map.of("applications", ReportDraft.APPLICATIONS_MARKER, "fees", ReportDraft.FEES_MARKER),
                                                         draft.text(), draft.blocks(), moment, basedOn));
            }
            default -> render(draft, format, "草稿：尚未发布，内容随记录变化（文本第 " + version + " 版，生成于 " + BEIJING_TIME.format(clock.instant())
                                                    + "）", draft.title() + "（草稿）");
        };
    }

    /**
     * The document to publish, for the command service: drafted from the texts of {@code textVersion} once this
     * service holds every event up to {@code position} of the event store (it waits for them a while).
     */
    @GetMapping("/api/agencies/{agencyId}/annual-reports/{year}/draft")
    FrozenReport draftToPublish(@PathVariable String agencyId, @PathVariable int year, @RequestParam int textVersion,
                                @RequestParam long position) {
        requireReportingYear(year);
        long deadline = System.nanoTime() + DRAFT_WAIT.toNanos();
        // the stored views (texts, paragraph, fees) as far as the tables: every event up to the position, in both
        while (readModel.applied().contiguousEnd() <= position || readModel.storedEnd() <= position
               || agency(agencyId).reports().getOrDefault(year, AgencyView.ReportYear.NONE).textVersion() < textVersion) {
            if (System.nanoTime() > deadline) {
                throw new QueryProblem(HttpStatus.SERVICE_UNAVAILABLE, "查询端尚未收到发布前记录的全部事件（位置 " + position
                                       + "），请稍后再试 (the query side has not caught up yet)");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        AgencyView agency = agency(agencyId);
        if (!agency.closedYears().containsKey(year)) {
            throw new QueryProblem(HttpStatus.CONFLICT, year + " 年度尚未关闭 (year not closed)");
        }
        return ReportDraft.withBasedOn(draft(agency, year, agency.reports().get(year) == null ? Map.of()
                : agency.reports().get(year).textsAt(textVersion), null), provenance.before(position + 1));
    }

    /** One publication, frozen: JSON (with its digest checked against its text), or the document in any format. */
    @GetMapping("/api/agencies/{agencyId}/annual-reports/{year}/publications/{publication}")
    ResponseEntity<?> publication(@PathVariable String agencyId, @PathVariable int year, @PathVariable int publication,
                                  @RequestParam(defaultValue = "json") String format) {
        AgencyView.Publication published = publication(agency(agencyId), year, publication);
        FrozenReport report = published.report();
        if (format.equals("json")) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("agencyId", agencyId);
            answer.put("year", year);
            answer.put("publication", published.publication());
            answer.put("publishedAt", published.publishedAt());
            answer.put("publishedBy", published.publishedBy());
            answer.put("reason", published.reason());
            answer.put("textVersion", published.textVersion());
            answer.put("digest", published.digest());
            answer.put("digestMatchesText", ReportDigest.of(report.text()).equals(published.digest()));
            answer.put("title", report.title());
            answer.put("sections", report.sections());
            answer.put("figures", report.figures());
            answer.put("text", report.text());
            answer.put("blocks", report.blocks());
            answer.put("basedOn", ReportDraft.basedOn(report).orElse(null));
            return ResponseEntity.ok(answer);
        }
        String note = "第 " + publication + " 次发布，" + BEIJING_TIME.format(published.publishedAt()) + "（北京时间），SHA-256 " + published.digest()
                      + (published.reason() == null ? "" : "；更正理由：" + published.reason());
        return render(report, format, note, report.title() + "（第" + publication + "次发布）");
    }

    record PublicationCheck(String agencyId, int year, int publication, String digest, boolean digestMatchesText, boolean matches,
                            int figures, List<PublicationComparison.Difference> differences, Instant checkedAt) {
    }

    /**
     * The published-vs-replayed check on a publication itself: every figure it froze against today's replay of the
     * events, and its digest against its text.
     */
    @GetMapping("/api/agencies/{agencyId}/annual-reports/{year}/publications/{publication}/check")
    PublicationCheck check(@PathVariable String agencyId, @PathVariable int year, @PathVariable int publication) {
        AgencyView agency = agency(agencyId);
        AgencyView.Publication published = publication(agency, year, publication);
        var differences = PublicationComparison.differences(published.report(), draft(agency, year, Map.of(), null));
        return new PublicationCheck(agencyId, year, publication, published.digest(),
                                    ReportDigest.of(published.report().text()).equals(published.digest()), differences.isEmpty(),
                                    published.report().figures().size(), differences, clock.instant());
    }

    private FrozenReport draft(AgencyView agency, int year, Map<String, ?> texts, Instant moment) {
        Map<String, String> own = new LinkedHashMap<>();
        texts.forEach((code, part) -> own.put(code, part instanceof AgencyView.TextPart p ? p.text() : Objects.toString(part)));
        List<RequestView> requests = readModel.requestsOf(agency.agencyId(), null, LocalDate.of(year, 12, 31));
        FeeSummary fees = FeeSummary.of(year, requests, moment);
        if (ReportingYear.isUnder2008Regulations(year)) {
            return ReportDraft.of(new ReportDraft.LegacyInputs(agency.name(), year, own, legacy.items(agency, year), fees));
        }
        AnnualTable table = tables.asOf(agency.agencyId(), year, moment).orElseThrow();
        return ReportDraft.of(new ReportDraft.CurrentInputs(agency.name(), year, own, table,
                                                            ApplicationsSummary.of(year, requests, moment, deadlines::timelinessOf), fees));
    }

    private ResponseEntity<?> render(FrozenReport report, String format, String note, String fileName) {
        return switch (format) {
            case "text" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(report.text());
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                         // a standalone document with its own style sheet and no script at all
                                         .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                                         .body(ReportFormats.html(report, note));
            case "docx" -> ResponseEntity.ok()
                                         .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                                         .header("Content-Disposition", cn.foi.query.table.AnnualTableExports.attachment(fileName + ".docx"))
                                         .body(ReportFormats.docx(report, note));
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST,
                                              "format 只能是 json、text、html 或 docx；暂不提供 PDF，可下载 Word 文档后另存为 PDF (format must be json, text, html or docx)");
        };
    }

    private static List<PublicationSummary> summaries(String agencyId, int year, AgencyView.ReportYear report) {
        return report.publications().stream().map(p -> new PublicationSummary(
                p.publication(), p.publishedAt(), p.publishedBy(), p.reason(), p.textVersion(), p.digest(),
                "/api/agencies/" + agencyId + "/annual-reports/" + year + "/publications/" + p.publication())).toList();
    }

    private static AgencyView.Publication publication(AgencyView agency, int year, int publication) {
        List<AgencyView.Publication> publications = agency.reports().getOrDefault(year, AgencyView.ReportYear.NONE).publications();
        if (publication < 1 || publication > publications.size()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, agency.name() + year + " 年度报告没有第 " + publication + " 次发布（已发布 "
                                   + publications.size() + " 次） (no such publication)");
        }
        return publications.get(publication - 1);
    }

    private AgencyView agency(String agencyId) {
        return readModel.agency(agencyId).filter(AgencyView::isRegistered).orElseThrow(
                () -> new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)"));
    }

    private void requireReportingYear(int year) {
        int thisYear = LocalDate.now(clock).getYear();
        if (year < ReportingYear.FIRST || year > thisYear) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, "没有 " + year + " 年度的报告：年度报告自 " + ReportingYear.FIRST + " 年度起，至多到今年 ("
                                   + "no report for year " + year + ")");
        }
    }

    private static String layout(int year) {
        return ReportingYear.isUnder2008Regulations(year) ? "UNDER_2008_REGULATIONS" : "CURRENT";
    }
}
