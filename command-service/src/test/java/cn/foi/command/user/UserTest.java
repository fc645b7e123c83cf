package cn.foi.command.user;

import cn.foi.command.user.UserCommands.ChangeDisplayName;
import cn.foi.command.user.UserCommands.ChangeUserAccess;
import cn.foi.command.user.UserCommands.CreateUser;
import cn.foi.command.user.UserCommands.DisableUser;
import cn.foi.command.user.UserCommands.RecordLock;
import cn.foi.command.user.UserCommands.ResetPassword;
import cn.foi.command.user.UserCommands.UnlockUser;
import cn.foi.events.user.UserAccessChanged;
import cn.foi.events.user.UserCreated;
import cn.foi.events.user.UserDisabled;
import cn.foi.events.user.UserDisplayNameChanged;
import cn.foi.events.user.UserLocked;
import cn.foi.events.user.UserPasswordReset;
import cn.foi.events.user.UserUnlocked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

/** An account's administration on the record: given its events, when a command, then what is recorded (or nothing). */
class UserTest {

    private static final Set<String> OFFICER = Set.of("OFFICER");
    private static final Set<String> XIXIA = Set.of("xixia-office");
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void an_account_is_created_on_the_record_without_password_material() {
        fixture.givenNoPriorActivity()
               .when(new CreateUser("wang", "王明", OFFICER, XIXIA))
               .expectEvents(new UserCreated("wang", "王明", OFFICER, XIXIA));
    }

    @Test
    void a_creation_recorded_before_but_never_in_effect_is_recorded_again() {
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new CreateUser("wang", "王明", OFFICER, XIXIA))
               .expectEvents(new UserCreated("wang", "王明", OFFICER, XIXIA));
    }

    @Test
    void a_change_of_roles_or_grants_is_recorded_whole_and_no_change_records_nothing() {
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new ChangeUserAccess("wang", Set.of("OFFICER", "SUPERVISOR"), XIXIA))
               .expectEvents(new UserAccessChanged("wang", Set.of("OFFICER", "SUPERVISOR"), XIXIA));
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new ChangeUserAccess("wang", OFFICER, XIXIA))
               .expectNoEvents();
    }

    @Test
    void a_display_name_is_recorded_when_it_changes() {
        fixture.given(new UserCreated("wang", "王明", OFFICER, XIXIA))
               .when(new ChangeDisplayName("wang", "王明"))
               .expectNoEvents();
        fixture.given(new UserCreated("wang", "王明", OFFICER, XIXIA))
               .when(new ChangeDisplayName("wang", "王晓明"))
               .expectEvents(new UserDisplayNameChanged("wang", "王晓明"));
    }

    @Test
    void every_password_reset_is_recorded_and_says_who_chose_it() {
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new ResetPassword("wang", true))
               .expectEvents(new UserPasswordReset("wang", true));
    }

    @Test
    void disabling_and_enabling_are_recorded_once_each() {
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new DisableUser("wang", true))
               .expectEvents(new UserDisabled("wang", true));
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA), new UserDisabled("wang", true))
               .when(new DisableUser("wang", true))
               .expectNoEvents();
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA), new UserDisabled("wang", true))
               .when(new DisableUser("wang", false))
               .expectEvents(new UserDisabled("wang", false));
    }

    @Test
    void a_lock_is_recorded_once_however_often_it_is_seen_and_an_unlock_always() {
        Instant until = Instant.parse("2026-03-02T02:15:00Z");
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA), new UserLocked("wang", until))
               .when(new RecordLock("wang", until))
               .expectNoEvents();
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA), new UserLocked("wang", until))
               .when(new UnlockUser("wang"))
               .expectEvents(new UserUnlocked("wang"));
        fixture.given(new UserCreated("wang", null, OFFICER, XIXIA))
               .when(new RecordLock("wang", until))
               .expectEvents(new UserLocked("wang", until));
    }
}
