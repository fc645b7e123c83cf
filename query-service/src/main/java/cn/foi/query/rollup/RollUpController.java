package cn.foi.query.rollup;

import cn.foi.events.rules.ReportingYear;
import cn.foi.query.audit.LogAudit;
import cn.foi.query.audit.Provenance;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTableExports;
import cn.foi.query.table.AnnualTableText;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import cn.foi.query.table.Moments;
import cn.foi.query.table.PrintedGrid;
import cn.foi.query.table.ZeroStyle;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A government's roll-up (http-api.md, roll-up extension): its tables and everything under it, summed cell by cell. */
@RestController
class RollUpController {

    private static final List<String> MEMBER_HEADER = List.of("机构", "上级机构", "年度已关闭", "年报已发布", "本年新收", "本年办结", "结转下年度",
                                                              "按期答复", "逾期答复", "逾期未办结");

    private final RollUp rollUp;
    private final cn.foi.query.projection.Ledger ledger;
    private final Clock clock;

    private final Provenance provenance;

    RollUpController(RollUp rollUp, cn.foi.query.projection.Ledger ledger, Clock clock, Provenance provenance) {
        this.provenance = provenance;
        this.rollUp = rollUp;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The JSON of the contract: the sums with exactly the annual tables' codes, and every member's figures. */
    record RollUpAnswer(String agencyId, String name, int year, Instant asOf, int members, int closed, int published,
                        Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications, Map<String, Integer> reviews,
                        Map<String, Map<String, BigDecimal>> proactive, boolean consistent, List<RollUp.MemberFigures> byMember,
                        Map<String, int[]> byMonth, LogAudit.BasedOn basedOn) {
    }

    @GetMapping("/api/agencies/{agencyId}/roll-up/{year}")
    ResponseEntity<?> rollUp(@PathVariable String agencyId, @PathVariable int year, @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") String zero) {
        if (!zero.equals("0") && !zero.equals("dash")) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "zero 只能是 0 或 dash (zero must be 0 or dash)");
        }
        ZeroStyle zeroStyle = zero.equals("dash") ? ZeroStyle.DASH : ZeroStyle.ZERO;
        int thisYear = LocalDate.now(clock).getYear();
        if (year > thisYear) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年尚未开始，没有汇总数字 (year " + year + " has not begun)");
        }
        if (year < ReportingYear.FIRST) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年早于《政府信息公开条例》施行，没有年度报告 (no report before "
                                   + ReportingYear.FIRST + ")");
        }
        if (ReportingYear.isUnder2008Regulations(year)) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年度适用 2008 年《条例》，使用政府信息公开情况统计表，不汇总表二至表四"
                                   + " (years up to " + ReportingYear.LAST_UNDER_2008_REGULATIONS + " use the statistics form)");
        }
        Instant moment = asOf == null ? null : Moments.parse(asOf);
        // read before the figures: they count at least every event up to it
        LogAudit.BasedOn basedOn = provenance.at(moment);
        String footnote = Provenance.footnote(basedOn);
        String basedOnHeader = Provenance.header(basedOn);
        RollUp.Result result = rollUp.of(agencyId, year, moment).orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                "机构 " + agencyId + " 不存在" + (moment == null ? "" : "（或在该时刻尚未登记）") + " (unknown agency)"));
        AnnualTable total = result.total();
        String title = total.agencyName() + year + "年政府信息公开工作年度报告汇总" + (result.members() > 1 ? "（含所属 " + (result.members() - 1) + " 个机构）" : "");
        return switch (format) {
            case "json" -> ResponseEntity.ok().header(Provenance.HEADER, basedOnHeader).body(new RollUpAnswer(agencyId, total.agencyName(), year, moment, result.members(), result.closed(),
                                                              result.published(), total.applications(), total.reviews(), total.proactive(),
                                                              total.consistent(), result.byMember(),
                                                              Map.of("received", result.receivedByMonth(), "answered", result.answeredByMonth()),
                                                              basedOn));
            case "text" -> ResponseEntity.ok().header(Provenance.HEADER, basedOnHeader).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                                         .body(title + "\n成员机构 " + result.members() + " 个，其中已关闭 " + year + " 年度的 " + result.closed() + " 个\n\n"
                                               + AnnualTableText.render(total, zeroStyle) + "\n各成员机构\n" + members(result).withFootnote(footnote).text());
            case "csv" -> ResponseEntity.ok().header(Provenance.HEADER, basedOnHeader).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                        .header("Content-Disposition", attachment(title, "csv"))
                                        .body(AnnualTableExports.csv(AnnualTableText.layout(total, zeroStyle))
                                              + AnnualTableExports.csv(members(result).withFootnote(footnote)).substring(1));
            case "xlsx" -> {
                List<AnnualTableExports.SheetGrid> sheets = new ArrayList<>();
                sheets.add(new AnnualTableExports.SheetGrid("汇总", title, AnnualTableText.layout(total, zeroStyle).withFootnote(footnote)));
                sheets.add(new AnnualTableExports.SheetGrid("各成员机构", "各成员机构 " + year + " 年主要数字", members(result)));
                int[] number = {0};
                // numbered, so names cut to Excel's 31 characters stay distinct
                result.memberTables().forEach((member, table) -> sheets.add(new AnnualTableExports.SheetGrid(
                        ++number[0] + " " + member, table.agencyName() + " " + year + " 年政府信息公开工作年度报告（统计表）",
                        AnnualTableText.layout(table, zeroStyle))));
                yield ResponseEntity.ok().header(Provenance.HEADER, basedOnHeader)
                                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                                    .header("Content-Disposition", attachment(title, "xlsx"))
                                    .body(AnnualTableExports.xlsx(sheets));
            }
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST, "format 只能是 json、text、xlsx 或 csv (format must be json, text, xlsx or csv)");
        };
    }

    /** One row per member, indented by its depth in the tree. */
    private PrintedGrid members(RollUp.Result result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(MEMBER_HEADER);
        for (RollUp.MemberFigures m : result.byMember()) {
            rows.add(List.of("　".repeat(m.depth()) + m.name(), m.parentId() == null ? "" : ledger.agencyName(m.parentId()).orElse(m.parentId()),
                             m.closed() ? "是" : "否",
                             m.published() ? "是" : "否",
                             String.valueOf(m.received()), String.valueOf(m.handled()), String.valueOf(m.carriedForward()),
                             String.valueOf(m.answeredOnTime()), String.valueOf(m.answeredLate()), String.valueOf(m.overdueOpen())));
        }
        return PrintedGrid.of(rows, List.of());
    }

    private static String attachment(String title, String extension) {
        return AnnualTableExports.attachment(title + "." + extension);
    }
}
