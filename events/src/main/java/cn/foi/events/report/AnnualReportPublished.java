package cn.foi.events.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The agency published its annual report of {@code year}: the document as it stood, frozen. {@code digest} is the
 * SHA-256 (hex) of {@code report.text()} in UTF-8; {@code publication} counts from 1, a later one is a correction and
 * carries its {@code reason}. {@code textVersion}: the version of the agency's texts it was made from.
 */
public record AnnualReportPublished(String agencyId, int year, int publication, Instant publishedAt, String reason,
                                    int textVersion, String digest, FrozenReport report) {

    /**
     * The frozen document: its title, its parts as printed ({@code generated}: the part's text the engine wrote, if
     * any), the document as blocks every format is drawn from, its plain text, and every figure of its tables by code
     * (table 三 {@code ROW/COLUMN}, table 四 by review code, table 二 {@code ROW.COLUMN}, the 2008 form by item).
     */
    public record FrozenReport(String title, List<Section> sections, List<Block> blocks, String text,
                               Map<String, BigDecimal> figures) {
    }

    public record Section(String code, String heading, String text, String generated) {
    }

    /**
     * One block of the document: {@code TITLE}, {@code HEADING} and {@code PARAGRAPH} carry {@code text}; a
     * {@code TABLE} carries its printed rows and merged cells ({@code [firstRow, lastRow, firstColumn, lastColumn]}).
     */
    public record Block(String kind, String text, List<List<String>> rows, List<List<Integer>> merges) {
    }
}
