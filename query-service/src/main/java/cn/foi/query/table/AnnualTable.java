package cn.foi.query.table;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.foi.events.codes.ProactiveDisclosure;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tables 三 and 四 of one agency and year, every cell present (zeros included). {@code consistent} is
 * the 勾稽 cross-check: for every column, NEW + CARRIED_OVER = TOTAL_HANDLED + CARRIED_FORWARD.
 */
public record AnnualTable(String agencyId, String agencyName, int year,
                          Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications,
                          Map<String, Integer> reviews,
                          Map<String, Map<String, BigDecimal>> proactive) {

    /** Table 二 with every cell, zeros where nothing was recorded. */
    public static Map<String, Map<String, BigDecimal>> proactiveCells(Map<String, Map<String, BigDecimal>> recorded) {
        Map<String, Map<String, BigDecimal>> cells = new LinkedHashMap<>();
        for (ProactiveDisclosure row : ProactiveDisclosure.values()) {
            Map<String, BigDecimal> columns = new LinkedHashMap<>();
            for (String column : row.columns()) {
                BigDecimal value = recorded.getOrDefault(row.name(), Map.of()).get(column);
                columns.put(column, value == null ? BigDecimal.ZERO : value);
            }
            cells.put(row.name(), columns);
        }
        return cells;
    }

    public AnnualTable withProactive(Map<String, Map<String, BigDecimal>> recorded) {
        return new AnnualTable(agencyId, agencyName, year, applications, reviews, proactiveCells(recorded));
    }

    @JsonProperty("consistent")
    public boolean consistent() {
        for (ApplicantColumn column : ApplicantColumn.values()) {
            int in = cell(ApplicationRow.NEW, column) + cell(ApplicationRow.CARRIED_OVER, column);
            int out = cell(ApplicationRow.TOTAL_HANDLED, column) + cell(ApplicationRow.CARRIED_FORWARD, column);
            if (in != out) {
                return false;
            }
        }
        return true;
    }

    public int cell(ApplicationRow row, ApplicantColumn column) {
        return applications.get(row).get(column);
    }

    /** Every figure of tables 三 ("ROW/COLUMN") and 四 (review code), in printed order: what comparisons walk. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Integer> counts() {
        return countsOf(this::cell, code -> reviews.getOrDefault(code, 0));
    }

    static Map<String, Integer> countsOf(java.util.function.BiFunction<ApplicationRow, ApplicantColumn, Integer> cell,
                                         java.util.function.Function<String, Integer> review) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                counts.put(row.name() + "/" + column.name(), cell.apply(row, column));
            }
        }
        for (String code : ReviewCell.CODES) {
            counts.put(code, review.apply(code));
        }
        return counts;
    }

    /** Builds a table from per-row, per-applicant-type counts; TOTAL_HANDLED and TOTAL are derived here. */
    public static AnnualTable of(String agencyId, String agencyName, int year,
                                 Map<ApplicationRow, Map<ApplicantColumn, Integer>> counts,
                                 Map<String, Integer> reviews) {
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> rows = new EnumMap<>(ApplicationRow.class);
        for (ApplicationRow row : ApplicationRow.values()) {
            Map<ApplicantColumn, Integer> cells = new EnumMap<>(ApplicantColumn.class);
            for (ApplicantColumn column : ApplicantColumn.values()) {
                cells.put(column, 0);
            }
            rows.put(row, cells);
        }
        counts.forEach((row, cells) -> cells.forEach((column, n) -> {
            if (column != ApplicantColumn.TOTAL && row != ApplicationRow.TOTAL_HANDLED) {
                rows.get(row).merge(column, n, Integer::sum);
            }
        }));
        for (ApplicationRow row : ApplicationRow.values()) {
            if (row.result().isPresent()) {
                rows.get(row).forEach((column, n) -> rows.get(ApplicationRow.TOTAL_HANDLED).merge(column, n, Integer::sum));
            }
        }
        for (Map<ApplicantColumn, Integer> cells : rows.values()) {
            int total = 0;
            for (ApplicantColumn column : ApplicantColumn.values()) {
                if (column != ApplicantColumn.TOTAL) {
                    total += cells.get(column);
                }
            }
            cells.put(ApplicantColumn.TOTAL, total);
        }
        Map<String, Integer> reviewCells = new LinkedHashMap<>();
        for (String code : ReviewCell.CODES) {
            reviewCells.put(code, reviews.getOrDefault(code, 0));
        }
        return new AnnualTable(agencyId, agencyName, year, rows, reviewCells, proactiveCells(Map.of()));
    }
}
