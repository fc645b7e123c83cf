package cn.foi.query.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agency as the query side knows it, folded from its events by {@link AgencyFold}: its name, the years it closed,
 * every version of table 二 it recorded, and its history. {@code name} is null while only entries of other aggregates
 * are known. {@code lastSeq}: the last of its own events applied.
 */
public record AgencyView(String agencyId, long lastSeq, String name, LocalDate registeredOn, Map<Integer, YearClose> closedYears,
                         Map<Integer, List<ProactiveVersion>> proactive, Map<Integer, List<LegacyFiguresVersion>> legacyFigures,
                         Map<Integer, ReportYear> reports, List<Placement> placements, List<HistoryEntry> history,
                         List<LetterTemplateVersion> letterTemplates) {

    public AgencyView {
        closedYears = java.util.Collections.unmodifiableMap(new TreeMap<>(closedYears));
        proactive = java.util.Collections.unmodifiableMap(new TreeMap<>(proactive));
        legacyFigures = java.util.Collections.unmodifiableMap(new TreeMap<>(legacyFigures));
        reports = java.util.Collections.unmodifiableMap(new TreeMap<>(reports));
        placements = List.copyOf(placements);
        history = List.copyOf(history);
        letterTemplates = letterTemplates == null ? List.of() : List.copyOf(letterTemplates);
    }

    public static AgencyView empty(String agencyId) {
        return new AgencyView(agencyId, -1, null, null, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * One version of the figures of the statistics form of a year up to 2018 that the agency supplies, by item code
     * ({@code LegacyStatisticsItem}).
     */
    public record LegacyFiguresVersion(int version, LocalDate recordedOn, Instant recordedAt, Map<String, BigDecimal> figures) {
    }

    /** A year closed: on which day, how many open requests it carried forward, and the event that closed it. */
    public record YearClose(LocalDate closedOn, int carriedForward, long globalIndex, Instant recordedAt) {
    }

    /** One version of table 二 for a year, with its figures by row and column. */
    public record ProactiveVersion(int version, LocalDate recordedOn, Instant recordedAt,
                                   Map<String, Map<String, BigDecimal>> figures) {
    }

    public boolean isRegistered() {
        return name != null;
    }

    private List<HistoryEntry> historyWith(HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return longer;
    }

    public boolean holds(long globalIndex) {
        return HistoryEntry.holds(history, globalIndex);
    }

    AgencyView with(long lastSeq, String name, LocalDate registeredOn, Map<Integer, YearClose> closedYears,
                    Map<Integer, List<ProactiveVersion>> proactive, HistoryEntry entry) {
        List<HistoryEntry> longer = historyWith(entry);
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, reports, placements, longer, letterTemplates);
    }

    AgencyView withLegacyFigures(long lastSeq, Map<Integer, List<LegacyFiguresVersion>> legacyFigures, HistoryEntry entry) {
        List<HistoryEntry> longer = historyWith(entry);
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, reports, placements, longer, letterTemplates);
    }

    AgencyView withReport(long lastSeq, int year, ReportYear report, HistoryEntry entry) {
        List<HistoryEntry> longer = historyWith(entry);
        Map<Integer, ReportYear> changed = new java.util.HashMap<>(reports);
        changed.put(year, report);
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, changed, placements, longer, letterTemplates);
    }

    AgencyView withEntry(long lastSeq, HistoryEntry entry) {
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, reports, placements,
                              historyWith(entry), letterTemplates);
    }

    /** How it writes its case numbers now: the last pattern in its history (kept there whole), or the default. */
    public String caseNumberPattern() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (cn.foi.events.published.EventTypes.nameOf(cn.foi.events.casenumber.CaseNumberPatternSet.class).equals(history.get(i).type())) {
                return history.get(i).summary();
            }
        }
        return cn.foi.events.casenumber.CaseNumberPattern.DEFAULT.text();
    }

    /** A version of one of its letter templates, as saved (the engine's default is version 0, never stored). */
    public record LetterTemplateVersion(cn.foi.events.letter.LetterKind kind, int version, String title, String body, LocalDate setOn,
                                        Instant recordedAt, String recordedBy) {
    }

    AgencyView withLetterTemplate(long lastSeq, LetterTemplateVersion version, HistoryEntry entry) {
        List<LetterTemplateVersion> longer = new ArrayList<>(letterTemplates);
        longer.add(version);
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, reports, placements,
                              historyWith(entry), longer);
    }

    /** The template of a letter as it stands: the agency's last version, or the engine's default (version 0). */
    public LetterTemplateVersion letterTemplate(cn.foi.events.letter.LetterKind kind) {
        for (int i = letterTemplates.size() - 1; i >= 0; i--) {
            if (letterTemplates.get(i).kind() == kind) {
                return letterTemplates.get(i);
            }
        }
        return letterTemplate(kind, 0).orElseThrow();
    }

    /** A version of a letter's template as saved, or the engine's default for version 0. */
    public java.util.Optional<LetterTemplateVersion> letterTemplate(cn.foi.events.letter.LetterKind kind, int version) {
        if (version == 0) {
            var template = cn.foi.events.letter.LetterTemplate.DEFAULTS.get(kind);
            return java.util.Optional.of(new LetterTemplateVersion(kind, 0, template.title(), template.body(), null, null, null));
        }
        return letterTemplates.stream().filter(v -> v.kind() == kind && v.version() == version).findFirst();
    }

    /** Where the agency stands in the tree of agencies since a moment: under {@code parentId} (null: at the top). */
    public record Placement(String parentId, LocalDate placedOn, Instant recordedAt) {
    }

    /** The agency it stands under now; null at the top of a tree. */
    public String parentId() {
        return placements.isEmpty() ? null : placements.get(placements.size() - 1).parentId();
    }

    AgencyView withPlacement(long lastSeq, Placement placement, HistoryEntry entry) {
        List<HistoryEntry> longer = historyWith(entry);
        List<Placement> moved = new ArrayList<>(placements);
        moved.add(placement);
        return new AgencyView(agencyId, lastSeq, name, registeredOn, closedYears, proactive, legacyFigures, reports, moved, longer, letterTemplates);
    }

    /** The annual report of a year: every save of the agency's texts, and every publication. */
    public record ReportYear(List<TextVersion> versions, List<Publication> publications) {

        public ReportYear {
            versions = List.copyOf(versions);
            publications = List.copyOf(publications);
        }

        public static final ReportYear NONE = new ReportYear(List.of(), List.of());

        public int textVersion() {
            return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        }

        /** The agency's texts as of {@code version} (every save up to it, the later text of a part winning). */
        public Map<String, TextPart> textsAt(int version) {
            Map<String, TextPart> texts = new TreeMap<>();
            for (TextVersion saved : versions) {
                if (saved.version() > version) {
                    break;
                }
                saved.sections().forEach((code, text) -> {
                    if (text.isEmpty()) {
                        texts.remove(code);
                    } else {
                        texts.put(code, new TextPart(text, saved.version(), saved.recordedAt(), saved.recordedBy()));
                    }
                });
            }
            return texts;
        }
    }

    /** One save of the agency's texts: the parts it changed (an empty text: back to the default). */
    public record TextVersion(int version, LocalDate recordedOn, Instant recordedAt, String recordedBy, Map<String, String> sections) {
    }

    /** A part's current text, and the save it comes from. */
    public record TextPart(String text, int version, Instant recordedAt, String recordedBy) {
    }

    /** A publication: the document frozen as it was, with its digest. */
    public record Publication(int publication, Instant publishedAt, String publishedBy, String reason, int textVersion, String digest,
                              cn.foi.events.report.AnnualReportPublished.FrozenReport report) {
    }
}
