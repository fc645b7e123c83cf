package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.SetCaseNumberPattern;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.register.AgencyBook;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.CaseNumberPatternSet;
import cn.foi.events.agency.CaseNumberReserved;
import cn.foi.events.codes.CaseNumberPattern;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Case numbers: the agency's pattern, and its sequence per receipt year, given one after another. */
class CaseNumberTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String AGENCY = "xixia-office";
    private static final AgencyRegistered REGISTERED = new AgencyRegistered(AGENCY, "西夏区人民政府办公室", LocalDate.of(2023, 1, 3));

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource((RequestRegister) agencyId -> new AgencyBook(List.of()));
    }

    @Test
    void a_pattern_prints_the_year_and_the_sequence_padded_as_asked() {
        assertThat(CaseNumberPattern.format("西政办依申〔{year}〕{seq:3}号", 2025, 7)).isEqualTo("西政办依申〔2025〕007号");
        assertThat(CaseNumberPattern.format(null, 2025, 12)).isEqualTo("〔2025〕12号");
        assertThat(CaseNumberPattern.format("{seq:2}-{year}", 2025, 123)).isEqualTo("123-2025");
    }

    @Test
    void malformed_patterns_are_refused_and_nothing_is_recorded() {
        for (String pattern : new String[]{"〔{year}〕号", "{seq}{seq}", "{year}{seq:0}", "{nian}{seq}", "{seq", "}{seq}", "",
                                           "字".repeat(65) + "{seq}"}) {
            assertThat(CaseNumberPattern.problemWith(pattern)).as(pattern).isNotNull();
        }
        fixture.given(REGISTERED).when(new SetCaseNumberPattern(AGENCY, "〔{year}〕号"))
               .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(REGISTERED).when(new SetCaseNumberPattern(AGENCY, "西政办依申〔{year}〕{seq:3}号"))
               .expectEvents(new CaseNumberPatternSet(AGENCY, "西政办依申〔{year}〕{seq:3}号", TODAY));
    }

    @Test
    void each_receipt_year_is_one_sequence_under_the_pattern_in_force() {
        Agency agency = new Agency();
        agency.on(REGISTERED);
        agency.on(new CaseNumberReserved(AGENCY, 2025, 1, "r-1", "〔2025〕1号"));
        agency.on(new CaseNumberPatternSet(AGENCY, "西政办依申〔{year}〕{seq:3}号", TODAY));
        assertThat(agency.nextCaseNumber(2025)).isEqualTo(new CaseNumbers.Given("西政办依申〔2025〕002号", 2));
        assertThat(agency.nextCaseNumber(2024)).isEqualTo(new CaseNumbers.Given("西政办依申〔2024〕001号", 1));
    }
}
