package cn.foi.query.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tables 二, 三 and 四 as read from the text of a published annual report (or from {@link AnnualTableText}); any
 * of them may be missing, each one present is compared. Table 二 is read by its row labels (规章, 行政许可 …), each
 * followed by its figures.
 * Published layouts differ (merged cells, labels split or misplaced across lines, {@code -} for zero), so
 * parsing ignores the labels and relies on the numbers only: inside the 三 section every line ending in
 * 7 numeric cells is one row, in printed order; after the 四 heading the first line ending in 15 numeric
 * cells holds table 四. A row that lost one cell in extraction is repaired only when TOTAL = sum of the
 * applicant columns leaves a single possible reading (see {@link #repair}).
 */
public record PublishedTable(Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications,
                             Map<String, Integer> reviews,
                             Map<String, Map<String, java.math.BigDecimal>> proactive) {

    private static final int COLUMNS = ApplicantColumn.values().length;
    private static final int ROWS = ApplicationRow.values().length;
    private static final int REVIEW_CELLS = ReviewCell.CODES.size();

    // Matched on the line with all whitespace removed, so "三、收到 和处理…" and "三.收到…" also match.
    private static final Pattern TABLE_3_HEADING = Pattern.compile("^三[、.．,，]?收到和处理政府信息公开申请情况.*");
    private static final Pattern TABLE_4_HEADING = Pattern.compile("^四[、.．,，]?政府信息公开行政复议.*");
    private static final Pattern TABLE_2_HEADING = Pattern.compile("^二[、.．,，]?主动公开政府信息情况.*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+");
    /** Single-character dashes printed for zero (ASCII, full-width, en/em dash, horizontal bar). */
    private static final String ZERO_DASHES = "-－–—―";

    public PublishedTable {
        Objects.requireNonNull(applications, "applications");
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(proactive, "proactive");
    }

    public int cell(ApplicationRow row, ApplicantColumn column) {
        Map<ApplicantColumn, Integer> cells = applications.get(row);
        return cells == null ? 0 : cells.getOrDefault(column, 0);
    }

    public int review(String code) {
        return reviews.getOrDefault(code, 0);
    }

    /**
     * Reads tables 二, 三 and 四 out of a whole report or a pasted excerpt: those that are there.
     *
     * @throws IllegalArgumentException (message in Chinese, then an English hint in parentheses) when none is found, or
     *                                  one is headed but its figures cannot be read
     */
    public static PublishedTable parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("文本为空，未找到表二、表三或表四 (the text is empty: no table found)");
        }
        List<String> lines = List.of(text.split("\\r\\n|\\r|\\n", -1));
        Map<String, Map<String, java.math.BigDecimal>> proactive = proactiveRows(lines);

        // A table of contents may repeat the heading: use the first 三 section that yields a full table.
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (TABLE_3_HEADING.matcher(squeeze(lines.get(i))).matches()) {
                starts.add(i);
            }
        }
        boolean headed = !starts.isEmpty();
        if (!headed) {
            starts.add(-1); // a pasted grid without its title: scan from the top
        }
        Rows rows = null;
        int end = lines.size();
        for (int start : starts) {
            end = sectionEnd(lines, start + 1);
            rows = numberRows(lines, start + 1, end);
            if (rows.rows().size() == ROWS) {
                break;
            }
        }
        boolean table3 = headed || rows.found() > 0 || !rows.ambiguousLines().isEmpty();
        if (table3 && rows.rows().size() != ROWS) {
            String lineNumbers = rows.ambiguousLines().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
            String ambiguous = rows.ambiguousLines().isEmpty() ? "" : String.format(
                    "；第 %s 行只有 %d 个数字，无法确定缺少的单元格", lineNumbers, COLUMNS - 1);
            throw new IllegalArgumentException(String.format(
                    "表三应有 %d 行、每行 %d 个数字，实际找到 %d 行%s (table 3 must have %d rows of %d numbers, found %d)",
                    ROWS, COLUMNS, rows.found(), ambiguous, ROWS, COLUMNS, rows.found()));
        }
        if (!table3) {
            rows = new Rows(List.of(), 0, List.of()); // no table 三 in this text: 二 or 四 alone
        }
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications = new EnumMap<>(ApplicationRow.class);
        ApplicationRow[] rowCodes = ApplicationRow.values();
        ApplicantColumn[] columnCodes = ApplicantColumn.values();
        for (int r = 0; r < rows.rows().size(); r++) {
            Map<ApplicantColumn, Integer> cells = new EnumMap<>(ApplicantColumn.class);
            for (int c = 0; c < COLUMNS; c++) {
                cells.put(columnCodes[c], rows.rows().get(r)[c]);
            }
            applications.put(rowCodes[r], Collections.unmodifiableMap(cells));
        }

        // Table 四 is compared when it is there: table 三 alone is a check of its own. A 四 heading without its
        // figures is still an error, never silently skipped.
        boolean reviewHeading = lines.subList(end, lines.size()).stream().anyMatch(line -> TABLE_4_HEADING.matcher(squeeze(line)).matches());
        int[] review = reviewRow(lines, end, reviewHeading);
        Map<String, Integer> reviews = new LinkedHashMap<>();
        for (int i = 0; review != null && i < REVIEW_CELLS; i++) {
            reviews.put(ReviewCell.CODES.get(i), review[i]);
        }
        if (applications.isEmpty() && reviews.isEmpty() && proactive.isEmpty()) {
            throw new IllegalArgumentException("未找到表二“主动公开政府信息情况”、表三“收到和处理政府信息公开申请情况”或表四“政府信息公开行政复议、"
                                               + "行政诉讼情况” (no table 2, 3 or 4 found)");
        }
        return new PublishedTable(Collections.unmodifiableMap(applications), Collections.unmodifiableMap(reviews),
                                  Collections.unmodifiableMap(proactive));
    }

    /** Every figure of tables 三 and 四 read, keyed like {@link AnnualTable#counts()}; only the tables that were there. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = AnnualTable.countsOf(this::cell, this::review);
        if (reviews.isEmpty()) {
            counts.keySet().removeAll(ReviewCell.CODES);
        }
        if (applications.isEmpty()) {
            counts.keySet().removeIf(cell -> cell.contains("/"));
        }
        return counts;
    }

    /** The tables this text held and was compared by, in printed order. */
    public List<String> compared() {
        List<String> compared = new ArrayList<>();
        if (!proactive.isEmpty()) {
            compared.add("表二");
        }
        if (!applications.isEmpty()) {
            compared.add("表三");
        }
        if (!reviews.isEmpty()) {
            compared.add("表四");
        }
        return compared;
    }

    /** The code of a figure of table 二 ("ROW/COLUMN") and its printed words. */
    public static String proactiveLabel(String row, String column) {
        return "表二 " + cn.foi.events.codes.ProactiveDisclosure.valueOf(row).label() + "｜"
               + cn.foi.events.codes.ProactiveDisclosure.columnLabel(column);
    }

    /**
     * Table 二 after its heading, up to table 三: each row found by its label, its figures after it (a dash for zero,
     * decimals for the fees in 万元). Empty when there is no heading; every row must be there once there is one. A table
     * of contents may repeat the heading: the first heading followed by the whole table is the table.
     */
    private static Map<String, Map<String, java.math.BigDecimal>> proactiveRows(List<String> lines) {
        List<String> fewestMissing = null;
        for (int i = 0; i < lines.size(); i++) {
            if (TABLE_2_HEADING.matcher(squeeze(lines.get(i))).matches()) {
                Map<String, Map<String, java.math.BigDecimal>> figures = new LinkedHashMap<>();
                List<String> missing = proactiveRowsAfter(lines, i, figures);
                if (missing.isEmpty()) {
                    return figures;
                }
                if (fewestMissing == null || missing.size() < fewestMissing.size()) {
                    fewestMissing = missing;
                }
            }
        }
        if (fewestMissing == null) {
            return Map.of();
        }
        throw new IllegalArgumentException("表二中未找到以下各行的数字：" + String.join("、", fewestMissing)
                                           + " (table 2: " + fewestMissing.size() + " rows not found)");
    }

    /** Reads table 二's rows after the heading at {@code start} into {@code figures}; answers the labels not found. */
    private static List<String> proactiveRowsAfter(List<String> lines, int start, Map<String, Map<String, java.math.BigDecimal>> figures) {
        List<String> missing = new ArrayList<>();
        for (cn.foi.events.codes.ProactiveDisclosure row : cn.foi.events.codes.ProactiveDisclosure.values()) {
            List<java.math.BigDecimal> numbers = null;
            for (int i = start + 1; i < lines.size() && numbers == null; i++) {
                String squeezed = squeeze(lines.get(i));
                if (TABLE_2_HEADING.matcher(squeezed).matches() || TABLE_3_HEADING.matcher(squeezed).matches()
                    || TABLE_4_HEADING.matcher(squeezed).matches()) {
                    break;
                }
                String[] cells = lines.get(i).split("\t", -1);
                if (squeeze(cells[0]).equals(row.label())) {
                    numbers = new ArrayList<>();
                    for (int c = 1; c < cells.length; c++) {
                        String cell = squeeze(toHalfWidthDigits(cells[c]));
                        if (cell.length() == 1 && ZERO_DASHES.indexOf(cell.charAt(0)) >= 0) {
                            numbers.add(java.math.BigDecimal.ZERO);
                        } else if (DECIMAL.matcher(cell).matches()) {
                            numbers.add(new java.math.BigDecimal(cell.replace(",", "")));
                        }
                    }
                }
            }
            if (numbers == null || numbers.size() < row.columns().size()) {
                missing.add(row.label());
                continue;
            }
            Map<String, java.math.BigDecimal> cells = new LinkedHashMap<>();
            for (int c = 0; c < row.columns().size(); c++) {
                cells.put(row.columns().get(c), numbers.get(c));
            }
            figures.put(row.name(), cells);
        }
        return missing;
    }

    /** Human-readable list of cells where this published table and {@code table} disagree; empty when equal. */
    public List<String> differencesFrom(AnnualTable table) {
        List<String> differences = new ArrayList<>();
        proactive.forEach((row, cells) -> cells.forEach((column, published) -> {
            java.math.BigDecimal replayed = table.proactive().get(row).get(column);
            if (published.compareTo(replayed) != 0) {
                differences.add(proactiveLabel(row, column) + "：公布 " + published.stripTrailingZeros().toPlainString()
                                + "，事件日志 " + replayed.stripTrailingZeros().toPlainString());
            }
        }));
        Map<String, Integer> replayed = table.counts();
        counts().forEach((cell, published) -> {
            if (!published.equals(replayed.get(cell))) {
                differences.add(difference(cell, published, replayed.get(cell)));
            }
        });
        return differences;
    }

    private static String difference(String cell, int published, int replayed) {
        return ReviewCell.labelOf(cell) + "：公布 " + published + "，事件日志 " + replayed;
    }

    /** Index of the 四 heading at or after {@code from}, or the end of the text. */
    private static int sectionEnd(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (TABLE_4_HEADING.matcher(squeeze(lines.get(i))).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * The rows of table 三 found in lines [from, to), stopping at table 四's 15 numbers. {@code found} counts
     * complete rows (and repaired ones when they make the table complete); {@code ambiguousLines} are
     * 1-based line numbers of rows missing a cell that could not be repaired.
     */
    private record Rows(List<int[]> rows, int found, List<Integer> ambiguousLines) {
    }

    private static Rows numberRows(List<String> lines, int from, int to) {
        List<int[]> complete = new ArrayList<>();
        List<int[]> withRepairs = new ArrayList<>();
        List<Integer> ambiguous = new ArrayList<>();
        boolean repaired = false;
        for (int i = Math.max(from, 0); i < to; i++) {
            int[] numbers = trailingNumbers(lines.get(i));
            if (numbers.length >= REVIEW_CELLS) {
                break; // table 四 printed without its heading
            }
            if (numbers.length >= COLUMNS) {
                int[] row = new int[COLUMNS];
                System.arraycopy(numbers, numbers.length - COLUMNS, row, 0, COLUMNS);
                complete.add(row);
                withRepairs.add(row);
            } else if (numbers.length == COLUMNS - 1) {
                int[] row = repair(numbers);
                if (row == null) {
                    ambiguous.add(i + 1);
                } else {
                    withRepairs.add(row);
                    repaired = true;
                }
            }
        }
        // Repaired rows are used only when they complete the table, never to displace complete rows.
        if (complete.size() != ROWS && repaired && ambiguous.isEmpty() && withRepairs.size() == ROWS) {
            return new Rows(withRepairs, withRepairs.size(), ambiguous);
        }
        return new Rows(complete, complete.size(), ambiguous);
    }

    /**
     * A published row that lost one cell (seen in real reports: a merged/blank cell dropped in extraction).
     * Since TOTAL is the sum of the six applicant columns, try every position for the missing cell with the
     * value that constraint gives; accept the row only if all valid placements agree (e.g. an all-zero row).
     */
    private static int[] repair(int[] numbers) {
        int[] unique = null;
        for (int missing = 0; missing < COLUMNS; missing++) {
            int[] row = new int[COLUMNS];
            for (int c = 0, n = 0; c < COLUMNS; c++) {
                row[c] = c == missing ? 0 : numbers[n++];
            }
            int applicants = 0;
            for (int c = 0; c < COLUMNS - 1; c++) {
                applicants += row[c];
            }
            if (missing == COLUMNS - 1) {
                row[missing] = applicants;
            } else {
                row[missing] = row[COLUMNS - 1] - applicants;
                if (row[missing] < 0) {
                    continue;
                }
            }
            if (unique == null) {
                unique = row;
            } else if (!Arrays.equals(unique, row)) {
                return null;
            }
        }
        return unique;
    }

    private static int[] reviewRow(List<String> lines, int from, boolean headed) {
        for (int i = from; i < lines.size(); i++) {
            int[] numbers = trailingNumbers(lines.get(i));
            if (numbers.length >= REVIEW_CELLS) {
                int[] row = new int[REVIEW_CELLS];
                System.arraycopy(numbers, numbers.length - REVIEW_CELLS, row, 0, REVIEW_CELLS);
                return row;
            }
        }
        if (!headed) {
            return null; // no table 四 in this text
        }
        throw new IllegalArgumentException(String.format(
                "未找到表四“政府信息公开行政复议、行政诉讼情况”的 %d 个数字 (table 4: no line of %d numbers found)",
                REVIEW_CELLS, REVIEW_CELLS));
    }

    /** The numbers at the end of a tab-separated line, empty cells skipped; empty when the line ends in text. */
    private static int[] trailingNumbers(String line) {
        String[] cells = line.split("\t", -1);
        List<Integer> numbers = new ArrayList<>();
        for (int i = cells.length - 1; i >= 0; i--) {
            String cell = squeeze(toHalfWidthDigits(cells[i]));
            if (cell.isEmpty()) {
                continue;
            }
            Integer n = number(cell);
            if (n == null) {
                break;
            }
            numbers.add(n);
        }
        int[] result = new int[numbers.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = numbers.get(result.length - 1 - i);
        }
        return result;
    }

    private static Integer number(String cell) {
        if (cell.length() == 1 && ZERO_DASHES.indexOf(cell.charAt(0)) >= 0) {
            return 0;
        }
        if (NUMBER.matcher(cell).matches() && cell.length() <= 10) {
            try {
                return Integer.parseInt(cell.replace(",", ""));
            } catch (NumberFormatException e) {
                return null; // above int range: not a count
            }
        }
        return null;
    }

    private static String toHalfWidthDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            out.append(ch >= '０' && ch <= '９' ? (char) (ch - '０' + '0') : ch == '，' ? ',' : ch);
        }
        return out.toString();
    }

    private static String squeeze(String s) {
        return WHITESPACE.matcher(s).replaceAll("");
    }
}
