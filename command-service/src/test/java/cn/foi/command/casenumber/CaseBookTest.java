package cn.foi.command.casenumber;

import cn.foi.command.problem.StateConflict;
import cn.foi.events.casenumber.CaseNumberIssued;
import cn.foi.events.casenumber.CaseNumberPattern;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case numbers of one agency's year, one after another. */
class CaseBookTest {

    private static final String AGENCY = "xixia-office";
    private static final String BOOK = CaseBook.idOf(AGENCY, 2026);
    private static final CaseNumberPattern PADDED = new CaseNumberPattern("西政依申〔{year}〕{seq:3}号");

    private AggregateTestFixture<CaseBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseBook.class);
    }

    @Test
    void the_next_number_follows_the_last_one_given_written_with_the_pattern_of_the_moment() {
        fixture.given(new CaseNumberIssued(AGENCY, 2026, 1, "〔2026〕1号", "r-1"),
                      new CaseNumberIssued(AGENCY, 2026, 2, "〔2026〕2号", "r-2"))
               .whenInvoking(BOOK, book -> book.issue(AGENCY, 2026, "r-3", PADDED))
               .expectEvents(new CaseNumberIssued(AGENCY, 2026, 3, "西政依申〔2026〕003号", "r-3"));
    }

    @Test
    void a_pattern_that_would_write_a_number_already_given_is_refused_and_nothing_is_given() {
        // ten numbers written 〔2026〕1{seq}号 (〔2026〕11号 … 〔2026〕110号): the default would write the 11th as 〔2026〕11号 again
        CaseNumberIssued[] ten = new CaseNumberIssued[10];
        for (int i = 0; i < 10; i++) {
            ten[i] = new CaseNumberIssued(AGENCY, 2026, i + 1, "〔2026〕1" + (i + 1) + "号", "r-" + (i + 1));
        }
        fixture.given((Object[]) ten)
               .whenInvoking(BOOK, book -> book.issue(AGENCY, 2026, "r-11", CaseNumberPattern.DEFAULT))
               .expectException(StateConflict.class)
               .expectNoEvents();
        fixture.given((Object[]) ten)
               .whenInvoking(BOOK, book -> book.issue(AGENCY, 2026, "r-11", new CaseNumberPattern("〔{year}〕1{seq}号")))
               .expectEvents(new CaseNumberIssued(AGENCY, 2026, 11, "〔2026〕111号", "r-11"));
    }
}
