package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.register.AgencyBook;
import cn.foi.command.register.RegisteredRequest;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.agency.ReportingYearClosed.CarriedForwardRequest;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.foi.events.codes.ApplicantType.LEGAL_SERVICE_INSTITUTION;
import static cn.foi.events.codes.ApplicantType.NATURAL_PERSON;

class AgencyTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String AGENCY = "xixia-office";
    private static final AgencyRegistered REGISTERED = new AgencyRegistered(AGENCY, "西夏区人民政府办公室",
                                                                            LocalDate.of(2023, 1, 3));

    private AggregateTestFixture<Agency> fixture;
    private final List<RegisteredRequest> requests = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource((RequestRegister) agencyId -> new AgencyBook(requests));
    }

    @Test
    void an_agency_is_registered_with_an_id_and_a_chinese_name() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency(AGENCY, " 西夏区人民政府办公室 "))
               .expectEvents(new AgencyRegistered(AGENCY, "西夏区人民政府办公室", TODAY));
    }

    @Test
    void an_agency_id_must_be_lowercase_letters_digits_or_hyphens() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency("Xixia Office", "西夏区"))
               .expectException(InvalidInput.class)
               .expectNoEvents();
    }

    @Test
    void closing_a_year_carries_forward_every_request_open_at_its_end_by_business_dates() {
        requests.add(new RegisteredRequest("open", NATURAL_PERSON, 2024, null));
        requests.add(new RegisteredRequest("decided-next-year", LEGAL_SERVICE_INSTITUTION, 2024,
                                           LocalDate.of(2025, 1, 8)));
        requests.add(new RegisteredRequest("decided-in-year", NATURAL_PERSON, 2024, LocalDate.of(2024, 12, 31)));
        requests.add(new RegisteredRequest("received-next-year", NATURAL_PERSON, 2025, null));
        fixture.given(REGISTERED, new ReportingYearClosed(AGENCY, 2023, LocalDate.of(2024, 1, 5), List.of()))
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectResultMessagePayload(2)
               .expectEvents(new ReportingYearClosed(AGENCY, 2024, TODAY, List.of(
                       new CarriedForwardRequest("decided-next-year", LEGAL_SERVICE_INSTITUTION),
                       new CarriedForwardRequest("open", NATURAL_PERSON))));
    }

    @Test
    void a_year_that_has_not_ended_cannot_be_closed() {
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2025))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_year_is_closed_only_once() {
        fixture.given(REGISTERED, new ReportingYearClosed(AGENCY, 2024, LocalDate.of(2025, 1, 5), List.of()))
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void every_earlier_year_with_requests_must_be_closed_first() {
        requests.add(new RegisteredRequest("from-2023", NATURAL_PERSON, 2023, LocalDate.of(2023, 5, 1)));
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void earlier_years_without_any_request_need_not_be_closed() {
        requests.add(new RegisteredRequest("from-2024", NATURAL_PERSON, 2024, LocalDate.of(2024, 5, 1)));
        fixture.given(REGISTERED)
               .when(new CloseReportingYear(AGENCY, 2024))
               .expectEvents(new ReportingYearClosed(AGENCY, 2024, TODAY, List.of()));
    }
}
