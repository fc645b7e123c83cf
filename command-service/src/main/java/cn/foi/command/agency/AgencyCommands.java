package cn.foi.command.agency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of an agency. */
public final class AgencyCommands {

    private AgencyCommands() {
    }

    /** {@code parentId}: the agency it stands under (null: at the top of a tree). */
    public record RegisterAgency(@TargetAggregateIdentifier String agencyId, String name, String parentId) {
        public RegisterAgency(String agencyId, String name) {
            this(agencyId, name, null);
        }
    }

    /** How the agency writes its case numbers from now on ({@code CaseNumberPattern}). */
    public record SetCaseNumberPattern(@TargetAggregateIdentifier String agencyId, String pattern) {
    }

    /** A new version of the agency's template of a letter ({@code kind} a LetterKind's name, checked by the handler). */
    public record SetLetterTemplate(@TargetAggregateIdentifier String agencyId, String kind, String title, String body) {
    }

    /** The version a template is saved as (an unchanged text: the version it already was), with its text as kept. */
    public record SavedLetterTemplate(int version, String title, String body) {
    }

    /** Moves an agency under another ({@code parentId}), or to the top of a tree (null). */
    public record PlaceAgency(@TargetAggregateIdentifier String agencyId, String parentId) {
    }

    public record RecordProactiveDisclosure(@TargetAggregateIdentifier String agencyId, int year,
                                            java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> figures) {
    }

    /** Figures of the statistics form of a reporting year up to 2018 that events do not give, by item code. */
    public record RecordLegacyFigures(@TargetAggregateIdentifier String agencyId, int year,
                                      java.util.Map<String, java.math.BigDecimal> figures) {
    }

    /** Texts of the annual report of a year, by {@code ReportSection} code (any subset of the parts the agency writes). */
    public record RecordReportTexts(@TargetAggregateIdentifier String agencyId, int year, java.util.Map<String, String> sections) {
    }

    /**
     * Before publishing: checks that the report of a year may be published with this reason, and answers the version
     * of the agency's texts the document must be made from. Changes nothing.
     */
    public record PreparePublication(@TargetAggregateIdentifier String agencyId, int year, String reason) {
    }

    /** Publishes the document drafted from the texts of {@code textVersion}, frozen as it is. */
    public record PublishAnnualReport(@TargetAggregateIdentifier String agencyId, int year, String reason, int textVersion,
                                      cn.foi.events.report.AnnualReportPublished.FrozenReport report) {
    }

    /** What a publication answers: its number, when, and the digest of its text. */
    public record Published(int publication, java.time.Instant publishedAt, String digest) {
    }

    public record CloseReportingYear(@TargetAggregateIdentifier String agencyId, int year) {
    }
}
