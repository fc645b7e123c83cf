package cn.foi.query.legacy;

import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.AgencyView;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The statistics form of an agency's year up to 2018, counted from the read model (the API's answer and the report's appendix). */
@Component
public class LegacyStatistics {

    private final ReadModel readModel;
    private final Ledger ledger;
    private final Deadlines deadlines;

    LegacyStatistics(ReadModel readModel, Ledger ledger, Deadlines deadlines) {
        this.readModel = readModel;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    /** The latest version of the figures the agency recorded for the year; null if none. */
    public static AgencyView.LegacyFiguresVersion latestFigures(AgencyView agency, int year) {
        List<AgencyView.LegacyFiguresVersion> versions = agency.legacyFigures().getOrDefault(year, List.of());
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    public Map<LegacyStatisticsItem, BigDecimal> items(AgencyView agency, int year) {
        AgencyView.LegacyFiguresVersion latest = latestFigures(agency, year);
        return LegacyForm.of(year, readModel.requestsOf(agency.agencyId(), null, LocalDate.of(year, 12, 31)), ledger.reviews(agency.agencyId()),
                             latest == null ? Map.of() : latest.figures(), deadlines::timelinessOf);
    }
}
