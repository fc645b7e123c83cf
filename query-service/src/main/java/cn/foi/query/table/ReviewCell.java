package cn.foi.query.table;

import java.util.ArrayList;
import java.util.List;

/** The 15 cells of table 四: three blocks of upheld, corrected, other, pending and total. */
public final class ReviewCell {

    public static final List<String> BLOCKS = List.of("RECONSIDERATION", "LITIGATION_DIRECT",
                                                      "LITIGATION_AFTER_RECONSIDERATION");
    public static final List<String> OUTCOMES = List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL");
    public static final List<String> CODES;

    static {
        List<String> codes = new ArrayList<>();
        for (String block : BLOCKS) {
            for (String outcome : OUTCOMES) {
                codes.add(block + "_" + outcome);
            }
        }
        CODES = List.copyOf(codes);
    }

    private ReviewCell() {
    }

    /**
     * The official words of a cell code, as auditors read them: table 三's {@code ROW/COLUMN} as its row and column
     * labels, table 四's {@code BLOCK_OUTCOME} as its block and outcome; any other code as it is.
     */
    public static String labelOf(String cell) {
        int slash = cell.indexOf('/');
        if (slash > 0) {
            try {
                ApplicationRow row = ApplicationRow.valueOf(cell.substring(0, slash));
                ApplicantColumn column = ApplicantColumn.valueOf(cell.substring(slash + 1));
                return row.label() + "｜" + column.label();
            } catch (IllegalArgumentException e) {
                return cell; // table 二's figures keep their codes
            }
        }
        for (String block : BLOCKS) {
            if (cell.startsWith(block + "_")) {
                String outcome = cell.substring(block.length() + 1);
                int at = OUTCOMES.indexOf(outcome);
                if (at >= 0) {
                    return cn.foi.events.codes.ReviewBlock.valueOf(block).label() + "｜" + AnnualTableText.OUTCOME_LABELS.get(at);
                }
            }
        }
        return cell;
    }
}
