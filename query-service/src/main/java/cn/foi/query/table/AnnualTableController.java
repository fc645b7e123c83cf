package cn.foi.query.table;

import cn.foi.query.audit.LogAudit;
import cn.foi.query.audit.Provenance;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.Ledger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
class AnnualTableController {

    private final Ledger ledger;
    private final AnnualTables tables;
    private final Provenance provenance;
    private final cn.foi.query.projection.ReadModel readModel;

    AnnualTableController(Ledger ledger, AnnualTables tables, Provenance provenance, cn.foi.query.projection.ReadModel readModel) {
        this.readModel = readModel;
        this.ledger = ledger;
        this.tables = tables;
        this.provenance = provenance;
    }

    /**
     * The printed layout for a page to draw: tables 二, 三 and 四 each as rows of cell texts with the cells
     * merged in print and, for every figure, what it counts (table 三: {@code ROW/COLUMN}, the drill-down's
     * codes; table 四: the cell code) — the same grid the exports are written from.
     */
    /** One printed table: its title, rows of cell texts, the cells merged in print, and what each figure counts. */
    record GridTable(String title, List<List<String>> rows, List<PrintedGrid.Merge> merges, List<PrintedGrid.Figure> figures) {
    }

    record Grid(String agencyId, String agencyName, int year, java.time.Instant asOf, boolean consistent, List<GridTable> tables,
                LogAudit.BasedOn basedOn) {
    }

    private static Grid grid(AnnualTable table, PrintedGrid layout, java.time.Instant moment, LogAudit.BasedOn basedOn) {
        List<List<String>> rows = layout.rows();
        int third = -1;
        int fourth = -1;
        for (int r = 0; r < rows.size(); r++) {
            String first = rows.get(r).isEmpty() ? "" : rows.get(r).get(0);
            if (first.equals(AnnualTableText.TABLE_3_TITLE)) {
                third = r;
            } else if (first.equals(AnnualTableText.TABLE_4_TITLE)) {
                fourth = r;
            }
        }
        List<GridTable> tables = new java.util.ArrayList<>();
        int[][] bounds = {{0, third}, {third, fourth}, {fourth, rows.size()}};
        for (int[] bound : bounds) {
            PrintedGrid part = layout.slice(bound[0], bound[1]);
            List<List<String>> partRows = new java.util.ArrayList<>(part.rows());
            String title = partRows.remove(0).get(0);
            // the title and blank lines are the page's to draw
            int dropped = 1;
            while (!partRows.isEmpty() && partRows.get(0).isEmpty()) {
                partRows.remove(0);
                dropped++;
            }
            while (!partRows.isEmpty() && partRows.get(partRows.size() - 1).isEmpty()) {
                partRows.remove(partRows.size() - 1);
            }
            int shift = dropped;
            tables.add(new GridTable(title, partRows,
                                     part.merges().stream().map(m -> new PrintedGrid.Merge(m.firstRow() - shift, m.lastRow() - shift,
                                                                                           m.firstColumn(), m.lastColumn())).toList(),
                                     part.figures().stream().map(f -> new PrintedGrid.Figure(f.row() - shift, f.column(), f.code())).toList()));
        }
        return new Grid(table.agencyId(), table.agencyName(), table.year(), moment, table.consistent(), tables, basedOn);
    }

    /**
     * Tables of one agency and year, as JSON or ({@code format=text}) in the printed tab-separated
     * layout; {@code zero=dash} prints zero as "-" like some published reports.
     */
    @GetMapping("/api/agencies/{agencyId}/annual-tables/{year}")
    ResponseEntity<?> table(@PathVariable String agencyId, @PathVariable int year,
                            @RequestParam(defaultValue = "json") String format,
                            @RequestParam(defaultValue = "0") String zero,
                            @RequestParam(required = false) String asOf) {
        if (year < 2008 || year > 2100) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "年度 " + year + " 无效 (year out of range 2008–2100)");
        }
        requireCurrentFormat(agencyId, year);
        ZeroStyle zeroStyle = zeroStyle(zero);
        java.time.Instant moment = asOf == null ? null : moment(asOf);
        // read before the table: the table counts at least every event up to it
        LogAudit.BasedOn basedOn = provenance.at(moment);
        String footnote = Provenance.footnote(basedOn);
        AnnualTable table = tables.asOf(agencyId, year, moment)
                                  .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                      "机构 " + agencyId + " 不存在 (unknown agency)"));
        return switch (format) {
            case "json" -> ResponseEntity.ok()
                                         .header(Provenance.HEADER, Provenance.header(basedOn))
                                         .body(new WithBasedOn(moment == null ? table : withMoment(table, moment), basedOn));
            case "text" -> ResponseEntity.ok()
                                         .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                                         .header(Provenance.HEADER, Provenance.header(basedOn))
                                         .body(AnnualTableText.layout(table, zeroStyle).withFootnote(footnote).text());
            case "xlsx" -> ResponseEntity.ok()
                                         .contentType(MediaType.parseMediaType(
                                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                                         .header("Content-Disposition", attachment(table, "xlsx"))
                                         .header(Provenance.HEADER, Provenance.header(basedOn))
                                         .body(AnnualTableExports.xlsx(table, AnnualTableText.layout(table, zeroStyle).withFootnote(footnote)));
            case "docx" -> ResponseEntity.ok()
                                         .contentType(MediaType.parseMediaType(
                                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                                         .header("Content-Disposition", attachment(table, "docx"))
                                         .header(Provenance.HEADER, Provenance.header(basedOn))
                                         .body(AnnualTableExports.docx(table, AnnualTableText.layout(table, zeroStyle).withFootnote(footnote)));
            case "grid" -> ResponseEntity.ok(grid(table, AnnualTableText.layout(table, zeroStyle), moment, basedOn));
            case "csv" -> ResponseEntity.ok()
                                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                        .header("Content-Disposition", attachment(table, "csv"))
                                        .header(Provenance.HEADER, Provenance.header(basedOn))
                                        .body(AnnualTableExports.csv(AnnualTableText.layout(table, zeroStyle).withFootnote(footnote)));
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST,
                                              "format 只能是 json、text、grid、xlsx、docx 或 csv (format must be json, text, grid, xlsx, docx or csv)");
        };
    }

    /** A table answer with its {@code basedOn} (a record, so the completeness advice adds its part too). */
    record WithBasedOn(@com.fasterxml.jackson.annotation.JsonUnwrapped Record table, LogAudit.BasedOn basedOn) {
    }

    /**
     * Drill-down: the requests counted in one cell of table 三, e.g. {@code /cells/NOT_DISCLOSED_PROCESS_INFORMATION/NATURAL_PERSON};
     * the count always equals the cell's figure (same rules, same moment).
     */
    /** A request counted in a cell, as an auditor lists them. */
    record CountedRequest(String requestId, String caseNumber, java.time.LocalDate receivedOn, cn.foi.events.codes.ApplicantType applicantType,
                          cn.foi.events.codes.ResultCode result, java.time.LocalDate decidedOn, Integer carriedOverInto) {
    }

    private static String caseNumberOf(cn.foi.query.view.RequestView view) {
        return view == null ? null : view.caseNumber();
    }

    /** The requests behind one figure of table 三: as many as the figure says. */
    record CellRequests(String agencyId, int year, ApplicationRow row, String rowLabel, ApplicantColumn column, String columnLabel,
                        java.time.Instant asOf, int count, List<CountedRequest> requests) {
    }

    @GetMapping("/api/agencies/{agencyId}/annual-tables/{year}/cells/{row}/{column}")
    CellRequests cell(@PathVariable String agencyId, @PathVariable int year, @PathVariable String row,
                             @PathVariable String column, @RequestParam(required = false) String asOf) {
        requireCurrentFormat(agencyId, year);
        ApplicationRow applicationRow;
        ApplicantColumn applicantColumn;
        try {
            applicationRow = ApplicationRow.valueOf(row);
            applicantColumn = ApplicantColumn.valueOf(column);
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "行 " + row + " 或列 " + column + " 不是表三的代码 (unknown row or column code)");
        }
        if (ledger.agencyName(agencyId).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        java.time.Instant moment = asOf == null ? null : moment(asOf);
        var counted = tables.requestsIn(agencyId, year, applicationRow, applicantColumn, moment);
        var views = readModel.requests(counted.stream().map(f -> f.requestId()).collect(java.util.stream.Collectors.toSet()));
        List<CountedRequest> requests = counted.stream()
                .map(f -> new CountedRequest(f.requestId(), caseNumberOf(views.get(f.requestId())), f.receivedOn(), f.applicantType(), f.result(), f.decidedOn(),
                                             f.imported() ? f.firstYear() : null))
                .toList();
        return new CellRequests(agencyId, year, applicationRow, applicationRow.label(), applicantColumn, applicantColumn.label(), moment,
                                requests.size(), requests);
    }

    /**
     * Published vs replayed: the text of a published table 三 and 四 (pasted from a report; the layouts of
     * published reports, "-" for zero included) compared cell by cell with what the event log gives.
     */
    @cn.foi.access.ReadsOnly
    @org.springframework.web.bind.annotation.PostMapping(path = "/api/agencies/{agencyId}/annual-tables/{year}/published-check",
                                                        consumes = MediaType.TEXT_PLAIN_VALUE)
    PublishedCheck publishedCheck(@PathVariable String agencyId, @PathVariable int year,
                                       @org.springframework.web.bind.annotation.RequestBody String published) {
        requireCurrentFormat(agencyId, year);
        AnnualTable replayed = tables.of(agencyId, year)
                                     .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                         "机构 " + agencyId + " 不存在 (unknown agency)"));
        PublishedTable table;
        try {
            table = PublishedTable.parse(published);
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
        List<Comparison> cells = new java.util.ArrayList<>();
        table.proactive().forEach((row, figures) -> figures.forEach((column, figure) -> {
            java.math.BigDecimal now = replayed.proactive().get(row).get(column);
            cells.add(new Comparison(row + "/" + column, PublishedTable.proactiveLabel(row, column), figure, now, figure.compareTo(now) == 0));
        }));
        Map<String, Integer> replayedCounts = replayed.counts();
        table.counts().forEach((cell, figure) -> cells.add(new Comparison(cell, ReviewCell.labelOf(cell), figure, replayedCounts.get(cell),
                                                                          figure.equals(replayedCounts.get(cell)))));
        long differences = cells.stream().filter(c -> !c.equal()).count();
        String compared = String.join("、", table.compared());
        return new PublishedCheck(agencyId, year, differences == 0, table.compared(), differences,
                                  differences == 0 ? "公布的" + compared + "与事件日志逐格一致"
                                          : "有 " + differences + " 格与事件日志不一致：" + String.join("；", table.differencesFrom(replayed)),
                                  cells);
    }

    /** One figure as published and as the event log gives it. */
    record Comparison(String cell, String label, Number published, Number replayed, boolean equal) {
    }

    /** A published report's tables against the log: equal or not, which tables, and every figure compared. */
    record PublishedCheck(String agencyId, int year, boolean equal, List<String> compared, long differences, String summary,
                          List<Comparison> cells) {
    }

    /** What changed in the tables between two moments (recorded time): every cell whose figure differs. */
    /** A figure that changed between the two moments. */
    record Change(String cell, String label, Number from, Number to) {
    }

    /** A request that moved between cells of table 三: the rows it counted in then and now, in its applicant's column. */
    /** {@code fromColumn}: the column of its earlier rows, another one than {@code column} when its applicant type was corrected. */
    record Moved(String requestId, ApplicantColumn column, String columnLabel, java.util.Set<ApplicationRow> from,
                 List<String> fromLabels, java.util.Set<ApplicationRow> to, List<String> toLabels, ApplicantColumn fromColumn,
                 String fromColumnLabel) {
    }

    record Diff(String agencyId, int year, String from, String to, List<Change> changes, List<Moved> requests) {
    }

    @GetMapping("/api/agencies/{agencyId}/annual-tables/{year}/diff")
    Diff diff(@PathVariable String agencyId, @PathVariable int year, @RequestParam String from,
                             @RequestParam(required = false) String to) {
        requireCurrentFormat(agencyId, year);
        java.time.Instant fromMoment = moment(from);
        java.time.Instant toMoment = to == null ? null : moment(to);
        AnnualTable before = tables.asOf(agencyId, year, fromMoment)
                                   .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                       "机构 " + agencyId + " 不存在 (unknown agency)"));
        AnnualTable after = tables.asOf(agencyId, year, toMoment).orElseThrow();
        List<Change> changes = new java.util.ArrayList<>();
        Map<String, Integer> afterCounts = after.counts();
        before.counts().forEach((cell, figure) -> {
            if (!figure.equals(afterCounts.get(cell))) {
                changes.add(new Change(cell, ReviewCell.labelOf(cell), figure, afterCounts.get(cell)));
            }
        });
        before.proactive().forEach((row, columns) -> columns.forEach((column, value) -> {
            java.math.BigDecimal now = after.proactive().get(row).get(column);
            if (value.compareTo(now) != 0) {
                changes.add(new Change(row + "/" + column, PublishedTable.proactiveLabel(row, column), value, now));
            }
        }));
        // the requests behind the changes: each one's rows then and now, in its applicant's column
        List<Moved> requests = tables.changedBetween(agencyId, year, fromMoment, toMoment).stream()
                .map(change -> new Moved(change.requestId(), change.column(), change.column().label(), change.before(),
                                         change.before().stream().map(ApplicationRow::label).toList(), change.after(),
                                         change.after().stream().map(ApplicationRow::label).toList(), change.columnBefore(),
                                         change.columnBefore().label()))
                .toList();
        return new Diff(agencyId, year, fromMoment.toString(), toMoment == null ? "now" : toMoment.toString(), changes, requests);
    }

    /** A half-rebuilt model must not pass for the tables: every table read waits for the rebuild to end. */
    /** A file name people recognise, in UTF-8 (RFC 6266). */
    private static String attachment(AnnualTable table, String extension) {
        return AnnualTableExports.attachment(table.agencyName() + table.year() + "年政府信息公开工作年度报告统计表." + extension);
    }

    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    /**
     * "What the table said then": an instant ({@code 2025-03-01T02:00:00Z}), a Beijing date-time
     * ({@code 2025-03-01T10:00}) or a date (its end, Beijing time). By the time events were recorded.
     */
    private static java.time.Instant moment(String asOf) {
        return Moments.parse(asOf);
    }

    /** The tables as they stood at a recorded moment, and what that means. */
    record TableAsOf(String asOf, String asOfMeaning, String agencyId, String agencyName, int year,
                     Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications, Map<String, Integer> reviews,
                     Map<String, Map<String, java.math.BigDecimal>> proactive, boolean consistent) {
    }

    private static TableAsOf withMoment(AnnualTable table, java.time.Instant moment) {
        return new TableAsOf(moment.toString(), "截至该时点已记录的事件所形成的报表", table.agencyId(), table.agencyName(), table.year(),
                             table.applications(), table.reviews(), table.proactive(), table.consistent());
    }

    private static ZeroStyle zeroStyle(String zero) {
        return switch (zero) {
            case "0", "zero" -> ZeroStyle.ZERO;
            case "-", "dash" -> ZeroStyle.DASH;
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST, "zero 只能是 0 或 dash (zero must be 0 or dash)");
        };
    }

    /** Years up to 2018 are reported in the statistics form of the 2008 Regulations, never in tables 二–四. */
    private static void requireCurrentFormat(String agencyId, int year) {
        if (cn.foi.events.rules.ReportingYear.isUnder2008Regulations(year)) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年度适用 2008 年《条例》，年度报告使用政府信息公开情况统计表，不使用表二至表四；"
                                   + "请查看 /api/agencies/" + agencyId + "/legacy-statistics/" + year + " (years up to "
                                   + cn.foi.events.rules.ReportingYear.LAST_UNDER_2008_REGULATIONS + " use the statistics form)");
        }
    }
}
