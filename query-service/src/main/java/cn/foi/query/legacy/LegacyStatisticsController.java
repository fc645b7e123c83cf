package cn.foi.query.legacy;

import cn.foi.events.rules.ReportingYear;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.AgencyView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The statistics form of a reporting year up to 2018, from the agency's events and the figures it recorded. */
@RestController
class LegacyStatisticsController {

    private final ReadModel readModel;
    private final Ledger ledger;
    private final Deadlines deadlines;

    LegacyStatisticsController(ReadModel readModel, Ledger ledger, Deadlines deadlines) {
        this.readModel = readModel;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    /** {@code items}: every item of the form by code, in printed order; {@code recordedFiguresVersion}: 0 if none. */
    record LegacyStatistics(String agencyId, String agencyName, int year, int recordedFiguresVersion, Map<String, BigDecimal> items) {
    }

    @GetMapping("/api/agencies/{agencyId}/legacy-statistics/{year}")
    LegacyStatistics statistics(@PathVariable String agencyId, @PathVariable int year) {
        AgencyView agency = readModel.agency(agencyId).orElseThrow(
                () -> new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)"));
        if (!ReportingYear.isUnder2008Regulations(year)) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY, year + " 年度不使用政府信息公开情况统计表：该表用于 " + ReportingYear.FIRST
                                   + "–" + ReportingYear.LAST_UNDER_2008_REGULATIONS + " 年度，此后的年度报告见表二至表四"
                                   + " (the statistics form is for reporting years " + ReportingYear.FIRST + " to "
                                   + ReportingYear.LAST_UNDER_2008_REGULATIONS + ")");
        }
        List<AgencyView.LegacyFiguresVersion> versions = agency.legacyFigures().getOrDefault(year, List.of());
        AgencyView.LegacyFiguresVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        var items = LegacyForm.of(year, readModel.requestsOf(agencyId, null, LocalDate.of(year, 12, 31)), ledger.reviews(agencyId),
                                  latest == null ? Map.of() : latest.figures(), deadlines::timelinessOf);
        return new LegacyStatistics(agencyId, agency.name(), year, latest == null ? 0 : latest.version(), LegacyForm.byCode(items));
    }
}
