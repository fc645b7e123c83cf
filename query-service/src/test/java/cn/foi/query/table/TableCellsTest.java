package cn.foi.query.table;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.projection.ReviewFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.foi.query.table.ApplicationRow.CARRIED_FORWARD;
import static cn.foi.query.table.ApplicationRow.CARRIED_OVER;
import static cn.foi.query.table.ApplicationRow.DISCLOSED;
import static cn.foi.query.table.ApplicationRow.NEW;
import static cn.foi.query.table.ApplicationRow.PARTIALLY_DISCLOSED;
import static cn.foi.query.table.ApplicationRow.TOTAL_HANDLED;
import static org.assertj.core.api.Assertions.assertThat;

/** The counting rules of the annual tables, one by one, as the one classifier applies them. */
class TableCellsTest {

    private static final Instant RECORDED = Instant.parse("2024-03-04T08:00:00Z");

    private static RequestFacts received(LocalDate on) {
        return new RequestFacts("r", ApplicantType.COMMERCIAL_ENTERPRISE, on, on.getYear(), false, null, null, 0, null,
                                List.of(), null, RECORDED, null);
    }

    private static RequestFacts importedInto(int year) {
        return new RequestFacts("r", ApplicantType.NATURAL_PERSON, LocalDate.of(year - 1, 11, 2), year, true, null, null, 0, null,
                                List.of(), null, RECORDED, null);
    }

    private static RequestFacts decided(RequestFacts open, ResultCode result, LocalDate on, Instant recordedAt) {
        return new RequestFacts(open.requestId(), open.applicantType(), open.receivedOn(), open.firstYear(), open.imported(),
                                result, on, 0, null, List.of(), null, open.recordedAt(), recordedAt);
    }

    @Test
    void a_request_counts_as_new_in_the_year_it_was_received_and_nowhere_else_as_new() {
        RequestFacts request = received(LocalDate.of(2024, 3, 4));

        assertThat(TableCells.rowsOf(request, 2024)).contains(NEW);
        assertThat(TableCells.rowsOf(request, 2025)).doesNotContain(NEW);
        assertThat(TableCells.rowsOf(request, 2023)).isEmpty();
    }

    @Test
    void a_request_open_at_the_end_of_the_year_is_carried_forward_and_carried_over_into_the_next() {
        RequestFacts request = received(LocalDate.of(2024, 12, 20));

        assertThat(TableCells.rowsOf(request, 2024)).containsExactlyInAnyOrder(NEW, CARRIED_FORWARD);
        assertThat(TableCells.rowsOf(request, 2025)).containsExactlyInAnyOrder(CARRIED_OVER, CARRIED_FORWARD);
    }

    @Test
    void a_decision_in_a_later_year_counts_in_that_year_with_the_request_carried_over_into_it() {
        RequestFacts request = decided(received(LocalDate.of(2024, 12, 20)), ResultCode.DISCLOSED, LocalDate.of(2025, 1, 10),
                                       RECORDED.plusSeconds(86_400 * 40));

        assertThat(TableCells.rowsOf(request, 2024)).containsExactlyInAnyOrder(NEW, CARRIED_FORWARD);
        assertThat(TableCells.rowsOf(request, 2025)).containsExactlyInAnyOrder(CARRIED_OVER, DISCLOSED, TOTAL_HANDLED);
        assertThat(TableCells.rowsOf(request, 2026)).isEmpty();
    }

    @Test
    void a_request_imported_as_open_is_carried_over_into_its_year_never_new() {
        RequestFacts request = importedInto(2025);

        assertThat(TableCells.rowsOf(request, 2025)).containsExactlyInAnyOrder(CARRIED_OVER, CARRIED_FORWARD);
        assertThat(TableCells.rowsOf(request, 2024)).as("the year before it entered the books").isEmpty();
    }

    @Test
    void a_partial_disclosure_counts_once_in_its_own_row_and_in_the_total() {
        RequestFacts request = decided(received(LocalDate.of(2024, 3, 4)), ResultCode.PARTIALLY_DISCLOSED, LocalDate.of(2024, 3, 20),
                                       RECORDED.plusSeconds(3600));

        assertThat(TableCells.rowsOf(request, 2024)).containsExactlyInAnyOrder(NEW, PARTIALLY_DISCLOSED, TOTAL_HANDLED);
    }

    @Test
    void a_request_counts_in_its_applicant_column_and_the_total_column_only() {
        RequestFacts request = received(LocalDate.of(2024, 3, 4));

        assertThat(TableCells.countsIn(request, 2024, NEW, ApplicantColumn.COMMERCIAL_ENTERPRISE)).isTrue();
        assertThat(TableCells.countsIn(request, 2024, NEW, ApplicantColumn.TOTAL)).isTrue();
        assertThat(TableCells.countsIn(request, 2024, NEW, ApplicantColumn.NATURAL_PERSON)).isFalse();
    }

    @Test
    void as_of_a_moment_before_its_answer_was_recorded_a_request_is_still_open() {
        Instant answerRecorded = RECORDED.plusSeconds(86_400 * 16);
        RequestFacts request = decided(received(LocalDate.of(2024, 3, 4)), ResultCode.DISCLOSED, LocalDate.of(2024, 3, 20),
                                       answerRecorded);

        assertThat(TableCells.rowsOf(request.asOf(answerRecorded.minusSeconds(1)), 2024)).containsExactlyInAnyOrder(NEW, CARRIED_FORWARD);
        assertThat(TableCells.rowsOf(request.asOf(answerRecorded), 2024)).containsExactlyInAnyOrder(NEW, DISCLOSED, TOTAL_HANDLED);
        assertThat(request.asOf(RECORDED.minusSeconds(1))).as("before its receipt was recorded: not in any table").isNull();
    }

    @Test
    void a_review_pending_across_years_is_pending_at_the_end_of_the_first_and_counted_by_result_in_the_year_it_ended() {
        ReviewFacts review = new ReviewFacts("v", ReviewBlock.RECONSIDERATION, LocalDate.of(2024, 11, 5), ReviewResult.UPHELD,
                                             LocalDate.of(2025, 2, 1), RECORDED, RECORDED.plusSeconds(86_400 * 100));

        assertThat(TableCells.cellOf(review, 2024)).contains("RECONSIDERATION_PENDING");
        assertThat(TableCells.cellOf(review, 2025)).contains("RECONSIDERATION_UPHELD");
        assertThat(TableCells.cellOf(review, 2026)).isEmpty();
        assertThat(TableCells.totalOf(review)).isEqualTo("RECONSIDERATION_TOTAL");
    }

    @Test
    void an_answer_under_the_2008_regulations_counts_in_no_table_3_and_a_2018_request_answered_in_2019_is_carried_over() {
        RequestFacts answered2018 = decided(received(LocalDate.of(2018, 11, 5)), null, LocalDate.of(2018, 11, 20), RECORDED);
        RequestFacts answered2019 = decided(received(LocalDate.of(2018, 12, 20)), ResultCode.DISCLOSED, LocalDate.of(2019, 1, 8), RECORDED);

        assertThat(TableCells.rowsOf(answered2018, 2018)).as("its old-form result has no row here").containsExactly(NEW);
        assertThat(TableCells.rowsOf(answered2018, 2019)).isEmpty();
        assertThat(TableCells.rowsOf(answered2019, 2019)).containsExactlyInAnyOrder(CARRIED_OVER, DISCLOSED, TOTAL_HANDLED);
    }
}
