package cn.foi.command.review;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.request.RequestDirectory;
import cn.foi.command.request.RequestDirectory.RequestSummary;
import cn.foi.command.review.ReviewCommands.ConcludeReview;
import cn.foi.command.review.ReviewCommands.FileReview;
import cn.foi.command.review.ReviewCommands.Kind;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static cn.foi.events.codes.ReviewBlock.LITIGATION_AFTER_RECONSIDERATION;
import static cn.foi.events.codes.ReviewBlock.RECONSIDERATION;
import static cn.foi.events.codes.ReviewResult.CORRECTED;
import static cn.foi.events.codes.ReviewResult.UPHELD;

class ReviewTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String AGENCY = "xixia-office";
    private AggregateTestFixture<Review> fixture;
    private final Set<Integer> closedYears = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
        fixture.registerInjectableResource(Clock.fixed(LocalDate.of(2025, 3, 10).atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource(new AgencyDirectory() {
            @Override
            public boolean exists(String agencyId) {
                return true;
            }

            @Override
            public boolean isClosed(String agencyId, int year) {
                return closedYears.contains(year);
            }
        });
        RequestDirectory requests = Mockito.mock(RequestDirectory.class);
        Mockito.when(requests.find("r-1")).thenReturn(Optional.of(new RequestSummary(AGENCY, LocalDate.of(2024, 3, 1))));
        Mockito.when(requests.find("nope")).thenReturn(Optional.empty());
        fixture.registerInjectableResource(requests);
    }

    @Test
    void a_lawsuit_after_reconsideration_is_filed_against_the_agency_that_answered() {
        fixture.givenNoPriorActivity()
               .when(new FileReview("v-1", "r-1", Kind.LITIGATION, true, LocalDate.of(2024, 6, 3)))
               .expectEvents(new ReviewFiled("v-1", "r-1", AGENCY, LITIGATION_AFTER_RECONSIDERATION, LocalDate.of(2024, 6, 3)));
    }

    @Test
    void a_review_of_an_unknown_request_or_before_its_receipt_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new FileReview("v-1", "nope", Kind.RECONSIDERATION, false, LocalDate.of(2024, 6, 3)))
               .expectException(NotFound.class);
        fixture.givenNoPriorActivity()
               .when(new FileReview("v-1", "r-1", Kind.RECONSIDERATION, false, LocalDate.of(2024, 2, 3)))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_review_is_concluded_once_not_before_it_was_filed_and_not_in_a_closed_year() {
        ReviewFiled filed = new ReviewFiled("v-1", "r-1", AGENCY, RECONSIDERATION, LocalDate.of(2024, 6, 3));
        fixture.given(filed)
               .when(new ConcludeReview("v-1", UPHELD, LocalDate.of(2024, 8, 1)))
               .expectEvents(new ReviewConcluded("v-1", "r-1", AGENCY, UPHELD, LocalDate.of(2024, 8, 1)));
        fixture.given(filed, new ReviewConcluded("v-1", "r-1", AGENCY, UPHELD, LocalDate.of(2024, 8, 1)))
               .when(new ConcludeReview("v-1", CORRECTED, LocalDate.of(2024, 8, 2)))
               .expectException(StateConflict.class);
        fixture.given(filed)
               .when(new ConcludeReview("v-1", UPHELD, LocalDate.of(2024, 6, 2)))
               .expectException(RuleViolation.class);
        closedYears.add(2024);
        fixture.given(filed)
               .when(new ConcludeReview("v-1", UPHELD, LocalDate.of(2024, 8, 1)))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }
}
