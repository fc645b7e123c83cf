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

    public record CloseReportingYear(@TargetAggregateIdentifier String agencyId, int year) {
    }
}
