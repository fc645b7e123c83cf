package cn.foi.command.agency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of an agency. */
public final class AgencyCommands {

    private AgencyCommands() {
    }

    public record RegisterAgency(@TargetAggregateIdentifier String agencyId, String name) {
    }

    public record RecordProactiveDisclosure(@TargetAggregateIdentifier String agencyId, int year,
                                            java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> figures) {
    }

    /** Figures of the statistics form of a reporting year up to 2018 that events do not give, by item code. */
    public record RecordLegacyFigures(@TargetAggregateIdentifier String agencyId, int year,
                                      java.util.Map<String, java.math.BigDecimal> figures) {
    }

    public record CloseReportingYear(@TargetAggregateIdentifier String agencyId, int year) {
    }
}
