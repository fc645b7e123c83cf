package cn.foi.query.legacy;

import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.rules.ReportingYear;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.table.AnnualTableExports;
import cn.foi.query.table.PrintedGrid;
import cn.foi.query.view.AgencyView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The statistics form of a reporting year up to 2018, from the agency's events and the figures it recorded. */
@RestController
class LegacyStatisticsController {

    private static final String FORM_TITLE = "政府信息公开情况统计表";

    private final ReadModel readModel;
    private final LegacyStatistics statistics;

    LegacyStatisticsController(ReadModel readModel, LegacyStatistics statistics) {
        this.readModel = readModel;
        this.statistics = statistics;
    }

    /** {@code items}: every item of the form by code, in printed order; {@code recordedFiguresVersion}: 0 if none. */
    record LegacyStatisticsAnswer(String agencyId, String agencyName, int year, int recordedFiguresVersion, Map<String, BigDecimal> items) {
    }

    /** JSON, or the printed form: {@code text} (label, unit, figure, one item a line), {@code xlsx}, {@code docx}. */
    @GetMapping("/api/agencies/{agencyId}/legacy-statistics/{year}")
    ResponseEntity<?> statistics(@PathVariable String agencyId, @PathVariable int year,
                                 @RequestParam(defaultValue = "json") String format) {
        AgencyView agency = readModel.agency(agencyId).orElseThrow(
                () -> new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)"));
        if (!ReportingYear.isUnder2008Regulations(year)) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年度不使用政府信息公开情况统计表：该表用于 " + ReportingYear.FIRST
                                   + "–" + ReportingYear.LAST_UNDER_2008_REGULATIONS + " 年度，此后的年度报告见表二至表四"
                                   + " (the statistics form is for reporting years " + ReportingYear.FIRST + " to "
                                   + ReportingYear.LAST_UNDER_2008_REGULATIONS + ")");
        }
        Map<LegacyStatisticsItem, BigDecimal> items = statistics.items(agency, year);
        PrintedGrid form = LegacyForm.printed(items);
        String title = agency.name() + year + "年" + FORM_TITLE;
        return switch (format) {
            case "json" -> {
                AgencyView.LegacyFiguresVersion latest = LegacyStatistics.latestFigures(agency, year);
                yield ResponseEntity.ok(new LegacyStatisticsAnswer(agencyId, agency.name(), year, latest == null ? 0 : latest.version(),
                                                                  LegacyForm.byCode(items)));
            }
            case "text" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                                         .body(title + "\n\n" + form.text());
            case "xlsx" -> ResponseEntity.ok()
                                         .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                                         .header("Content-Disposition", attachment(title, "xlsx"))
                                         .body(AnnualTableExports.xlsx(year + "年统计表", title, form));
            case "docx" -> ResponseEntity.ok()
                                         .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                                         .header("Content-Disposition", attachment(title, "docx"))
                                         .body(AnnualTableExports.docx(title, form));
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST, "format 只能是 json、text、xlsx 或 docx (format must be json, text, xlsx or docx)");
        };
    }

    private static String attachment(String title, String extension) {
        return AnnualTableExports.attachment(title + "." + extension);
    }
}
