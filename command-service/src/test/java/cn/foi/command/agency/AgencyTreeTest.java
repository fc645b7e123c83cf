package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.PlaceAgency;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.register.AgencyBook;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyPlaced;
import cn.foi.events.agency.AgencyRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of agencies (a province, its cities, their counties, their offices): placed at registration, moved later,
 * never in a cycle. Given the agency's events and the tree around it, when a command, then.
 */
class AgencyTreeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    /** province ← city ← county ← county-office; other-city at the top */
    private final Map<String, String> parents = new HashMap<>(Map.of("city", "province", "county", "city", "county-office", "county"));
    private final List<String> known = List.of("province", "city", "county", "county-office", "other-city");
    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(BEIJING).toInstant(), BEIJING));
        fixture.registerInjectableResource((RequestRegister) agencyId -> new AgencyBook(List.of()));
        fixture.registerInjectableResource(new AgencyDirectory() {
            @Override
            public boolean exists(String agencyId) {
                return known.contains(agencyId);
            }

            @Override
            public boolean isClosed(String agencyId, int year) {
                return false;
            }

            @Override
            public String parentOf(String agencyId) {
                return parents.get(agencyId);
            }
        });
    }

    private static AgencyRegistered registered(String id) {
        return new AgencyRegistered(id, "机构 " + id, LocalDate.of(2023, 1, 3));
    }

    @Test
    void an_agency_registered_under_a_parent_is_placed_there() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency("town", "某镇人民政府", "county"))
               .expectEvents(new AgencyRegistered("town", "某镇人民政府", TODAY), new AgencyPlaced("town", "county", null, TODAY));
    }

    @Test
    void an_unknown_parent_is_refused_and_nothing_is_registered() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAgency("town", "某镇人民政府", "nowhere"))
               .expectException(NotFound.class)
               .expectNoEvents();
    }

    @Test
    void an_agency_moves_under_another_and_the_move_records_where_it_stood() {
        fixture.given(registered("county"), new AgencyPlaced("county", "city", null, TODAY))
               .when(new PlaceAgency("county", "other-city"))
               .expectEvents(new AgencyPlaced("county", "other-city", "city", TODAY));
        fixture.given(registered("county"), new AgencyPlaced("county", "city", null, TODAY))
               .when(new PlaceAgency("county", null))
               .expectEvents(new AgencyPlaced("county", null, "city", TODAY));
    }

    @Test
    void placing_an_agency_where_it_stands_changes_nothing() {
        fixture.given(registered("county"), new AgencyPlaced("county", "city", null, TODAY))
               .when(new PlaceAgency("county", "city"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void no_agency_moves_under_itself_or_anything_under_it() {
        fixture.given(registered("city"), new AgencyPlaced("city", "province", null, TODAY))
               .when(new PlaceAgency("city", "city"))
               .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(registered("city"), new AgencyPlaced("city", "province", null, TODAY))
               .when(new PlaceAgency("city", "county-office"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("会形成循环"))
               .expectNoEvents();
    }

    @Test
    void the_top_of_a_tree_cannot_move_under_its_own_county() {
        fixture.given(registered("province"))
               .when(new PlaceAgency("province", "county"))
               .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void moving_under_an_unknown_agency_is_refused() {
        fixture.given(registered("county"))
               .when(new PlaceAgency("county", "nowhere"))
               .expectException(NotFound.class).expectNoEvents();
    }
}
