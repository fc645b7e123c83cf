package cn.foi.query.table;

import cn.foi.query.projection.RequestFacts;
import cn.foi.query.projection.ReviewFacts;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one classifier: in which cells of the annual tables a request or a review counts for a year. The tables, the
 * drill-down from a figure to its requests and the comparison of two moments all ask it, so they cannot disagree.
 * Business dates decide (the receipt, the answer, the import's year); the moment a table is seen as of is applied
 * before, to the facts ({@link RequestFacts#asOf}).
 */
public final class TableCells {

    private TableCells() {
    }

    /**
     * The rows of table 三 a request counts in for {@code year}, in its applicant type's column (and so in 总计):
     * received that year (一); carried over into it (二); answered that year, once, in its result's row and in (七) 总计;
     * still open at its end (四).
     */
    public static Set<ApplicationRow> rowsOf(RequestFacts request, int year) {
        Set<ApplicationRow> rows = EnumSet.noneOf(ApplicationRow.class);
        if (request.isNewIn(year)) {
            rows.add(ApplicationRow.NEW);
        }
        if (request.isCarriedOverInto(year)) {
            rows.add(ApplicationRow.CARRIED_OVER);
        }
        // an answer under the 2008 Regulations (no current result) counts in that year's statistics form, not here
        if (request.isDecidedIn(year) && request.result() != null) {
            rows.add(ApplicationRow.of(request.result()));
            rows.add(ApplicationRow.TOTAL_HANDLED);
        }
        if (request.isOpenAtEndOf(year)) {
            rows.add(ApplicationRow.CARRIED_FORWARD);
        }
        return rows;
    }

    /** Whether a request counts in one cell of table 三 for {@code year}. */
    public static boolean countsIn(RequestFacts request, int year, ApplicationRow row, ApplicantColumn column) {
        return (column == ApplicantColumn.TOTAL || column == ApplicantColumn.of(request.applicantType()))
               && rowsOf(request, year).contains(row);
    }

    /**
     * The cell of table 四 a review counts in for {@code year} ({@code BLOCK_RESULT}, or {@code BLOCK_PENDING} while
     * it is still open at the year's end), besides its block's 总计; none if it neither ended that year nor was
     * pending at its end.
     */
    public static Optional<String> cellOf(ReviewFacts review, int year) {
        if (review.isConcludedIn(year)) {
            return Optional.of(review.block().name() + "_" + review.result().name());
        }
        if (review.isPendingAtEndOf(year)) {
            return Optional.of(review.block().name() + "_PENDING");
        }
        return Optional.empty();
    }

    /** The 总计 cell of a review's block in table 四. */
    public static String totalOf(ReviewFacts review) {
        return review.block().name() + "_TOTAL";
    }
}
