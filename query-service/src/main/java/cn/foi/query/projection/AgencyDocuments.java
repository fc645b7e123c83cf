package cn.foi.query.projection;

import cn.foi.query.view.AgencyView;
import cn.foi.query.view.HistoryEntry;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores an {@link AgencyView} as one document of the {@code agencies} collection, in the shape earlier versions wrote. */
final class AgencyDocuments {

    private AgencyDocuments() {
    }

    static Document encode(AgencyView view) {
        Document doc = new Document("_id", view.agencyId()).append("lastSeq", view.lastSeq());
        if (view.isRegistered()) {
            doc.append("name", view.name()).append("registeredOn", StoredDates.of(view.registeredOn()));
        }
        if (!view.proactive().isEmpty()) {
            Document proactive = new Document();
            view.proactive().forEach((year, versions) -> {
                List<Document> stored = versions.stream().map(AgencyDocuments::encode).toList();
                proactive.put(String.valueOf(year), new Document("latest", stored.get(stored.size() - 1)).append("versions", stored));
            });
            doc.append("proactive", proactive);
        }
        if (!view.closedYears().isEmpty()) {
            Document closed = new Document();
            view.closedYears().forEach((year, close) -> closed.put(String.valueOf(year),
                    new Document("closedOn", StoredDates.of(close.closedOn())).append("carriedForward", close.carriedForward())
                                                                         .append("globalIndex", close.globalIndex())
                                                                         .append("recordedAt", StoredDates.of(close.recordedAt()))));
            doc.append("closedYears", closed);
        }
        if (!view.legacyFigures().isEmpty()) {
            Document legacy = new Document();
            view.legacyFigures().forEach((year, versions) -> legacy.put(String.valueOf(year), versions.stream().map(version -> {
                Document figures = new Document();
                version.figures().forEach((item, value) -> figures.put(item, value.toPlainString()));
                return new Document("version", version.version()).append("recordedOn", StoredDates.of(version.recordedOn()))
                                                                 .append("recordedAt", StoredDates.of(version.recordedAt()))
                                                                 .append("figures", figures);
            }).toList()));
            doc.append("legacyFigures", legacy);
        }
        if (!view.placements().isEmpty()) {
            doc.append("placements", view.placements().stream().map(p -> new Document("parentId", p.parentId())
                    .append("placedOn", StoredDates.of(p.placedOn())).append("recordedAt", StoredDates.of(p.recordedAt()))).toList());
            doc.append("parentId", view.parentId());
        }
        if (!view.reports().isEmpty()) {
            Document reports = new Document();
            view.reports().forEach((year, report) -> reports.put(String.valueOf(year), reportJson(report)));
            doc.append("reports", reports);
        }
        if (!view.letterTemplates().isEmpty()) {
            try {
                doc.append("letterTemplates", REPORT_JSON.writeValueAsString(view.letterTemplates()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        doc.append("history", RequestDocuments.encode(view.history()));
        return doc;
    }

    /**
     * A year's report texts and publications, stored as their JSON text: a frozen document is read back exactly as it
     * was published (amounts as exact decimals, never a BSON double), whatever it holds.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper REPORT_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String reportJson(AgencyView.ReportYear report) {
        try {
            return REPORT_JSON.writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgencyView.ReportYear report(String json) {
        try {
            return REPORT_JSON.readValue(json, AgencyView.ReportYear.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored report: " + e.getMessage(), e);
        }
    }

    private static Document encode(AgencyView.ProactiveVersion version) {
        Document figures = new Document();
        version.figures().forEach((row, cells) -> {
            Document columns = new Document();
            cells.forEach((column, value) -> columns.put(column, value.toPlainString()));
            figures.put(row, columns);
        });
        return new Document("version", version.version()).append("recordedOn", StoredDates.of(version.recordedOn()))
                                                         .append("recordedAt", StoredDates.of(version.recordedAt()))
                                                         .append("figures", figures);
    }

    static AgencyView decode(Document doc) {
        List<HistoryEntry> history = RequestDocuments.history(doc);
        Map<Integer, AgencyView.YearClose> closedYears = new LinkedHashMap<>();
        Document closed = doc.get("closedYears", Document.class);
        if (closed != null) {
            for (String year : closed.keySet()) {
                Document close = closed.get(year, Document.class);
                long globalIndex = close.get("globalIndex", Number.class).longValue();
                // kept since issue 13; before, when the close was recorded is its history entry's
                java.time.Instant recordedAt = close.get("recordedAt") != null ? StoredDates.instant(close.get("recordedAt"))
                        : history.stream().filter(entry -> entry.globalIndex() == globalIndex).map(HistoryEntry::recordedAt)
                                 .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                closedYears.put(Integer.parseInt(year), new AgencyView.YearClose(StoredDates.date(close.get("closedOn")),
                                                                                 close.getInteger("carriedForward"), globalIndex, recordedAt));
            }
        }
        Map<Integer, List<AgencyView.ProactiveVersion>> proactive = new LinkedHashMap<>();
        Document stored = doc.get("proactive", Document.class);
        if (stored != null) {
            for (String year : stored.keySet()) {
                List<AgencyView.ProactiveVersion> versions = new ArrayList<>();
                for (Document version : stored.get(year, Document.class).getList("versions", Document.class)) {
                    Document figures = version.get("figures", Document.class);
                    Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
                    for (String row : figures.keySet()) {
                        Map<String, BigDecimal> cells = new LinkedHashMap<>();
                        Document columns = figures.get(row, Document.class);
                        columns.keySet().forEach(c -> cells.put(c, new BigDecimal(columns.getString(c))));
                        values.put(row, cells);
                    }
                    versions.add(new AgencyView.ProactiveVersion(version.getInteger("version", versions.size() + 1),
                                                                 StoredDates.date(version.get("recordedOn")),
                                                                 StoredDates.instant(version.get("recordedAt")), values));
                }
                proactive.put(Integer.parseInt(year), List.copyOf(versions));
            }
        }
        Map<Integer, List<AgencyView.LegacyFiguresVersion>> legacy = new LinkedHashMap<>();
        Document storedLegacy = doc.get("legacyFigures", Document.class);
        if (storedLegacy != null) {
            for (String year : storedLegacy.keySet()) {
                List<AgencyView.LegacyFiguresVersion> versions = new ArrayList<>();
                for (Document version : storedLegacy.getList(year, Document.class)) {
                    Document figures = version.get("figures", Document.class);
                    Map<String, BigDecimal> values = new LinkedHashMap<>();
                    figures.keySet().forEach(item -> values.put(item, new BigDecimal(figures.getString(item))));
                    versions.add(new AgencyView.LegacyFiguresVersion(version.getInteger("version"), StoredDates.date(version.get("recordedOn")),
                                                                     StoredDates.instant(version.get("recordedAt")), values));
                }
                legacy.put(Integer.parseInt(year), List.copyOf(versions));
            }
        }
        Map<Integer, AgencyView.ReportYear> reports = new LinkedHashMap<>();
        Document storedReports = doc.get("reports", Document.class);
        if (storedReports != null) {
            storedReports.keySet().forEach(year -> reports.put(Integer.parseInt(year), report(storedReports.getString(year))));
        }
        List<AgencyView.Placement> placements = new ArrayList<>();
        List<Document> storedPlacements = doc.getList("placements", Document.class);
        if (storedPlacements != null) {
            storedPlacements.forEach(p -> placements.add(new AgencyView.Placement(p.getString("parentId"), StoredDates.date(p.get("placedOn")),
                                                                                  StoredDates.instant(p.get("recordedAt")))));
        }
        return new AgencyView(doc.getString("_id"), doc.get("lastSeq", Number.class).longValue(), doc.getString("name"),
                              StoredDates.date(doc.get("registeredOn")), closedYears, proactive, legacy, reports, placements, history,
                              letterTemplates(doc.getString("letterTemplates")));
    }

    private static List<AgencyView.LetterTemplateVersion> letterTemplates(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(REPORT_JSON.readValue(json, AgencyView.LetterTemplateVersion[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
