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
}
