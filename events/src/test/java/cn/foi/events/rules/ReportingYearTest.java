package cn.foi.events.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which year's books a request is on: by business dates, the same for the year close and the tables. */
class ReportingYearTest {

    @Test
    void a_request_answered_in_a_later_year_is_open_at_the_end_of_each_year_before() {
        LocalDate answered = LocalDate.of(2026, 1, 5);

        assertThat(ReportingYear.isOpenAtEndOf(2024, answered, 2024)).isTrue();
        assertThat(ReportingYear.isOpenAtEndOf(2024, answered, 2025)).isTrue();
        assertThat(ReportingYear.isOpenAtEndOf(2024, answered, 2026)).isFalse();
        assertThat(ReportingYear.isOpenAtEndOf(2024, answered, 2023)).as("not yet on the books").isFalse();
    }

    @Test
    void a_request_is_on_the_books_from_its_first_year_to_the_year_it_was_answered() {
        LocalDate answered = LocalDate.of(2025, 3, 1);

        assertThat(ReportingYear.isOnTheBooksIn(2024, answered, 2025)).isTrue();
        assertThat(ReportingYear.isOnTheBooksIn(2024, answered, 2026)).isFalse();
        assertThat(ReportingYear.isOnTheBooksIn(2024, null, 2030)).as("never answered: on every year's books").isTrue();
    }
}
