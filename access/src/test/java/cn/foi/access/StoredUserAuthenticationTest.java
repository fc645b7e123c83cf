package cn.foi.access;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** HTTP Basic sends the password with every call: the bcrypt check is remembered, and forgotten when it must be. */
class StoredUserAuthenticationTest {

    /** The user store as the services share it, in memory. */
    static final class Users extends UserStore {
        final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
        final Map<String, Integer> failed = new ConcurrentHashMap<>();
        final Map<String, java.time.Instant> lockedUntil = new ConcurrentHashMap<>();

        Users() {
            super(Mockito.mock(MongoDatabase.class));
        }

        @Override
        public Optional<UserAccount> find(String username) {
            return Optional.ofNullable(accounts.get(username));
        }

        @Override
        public Optional<StoredUser> findWithSignInState(String username) {
            return find(username).map(account -> new StoredUser(account, failed.getOrDefault(username, 0), lockedUntil.get(username)));
        }

        @Override
        public java.time.Instant recordFailedSignIn(String username, java.time.Instant now, int limit, Duration lockFor) {
            if (failed.merge(username, 1, Integer::sum) < limit) {
                return null;
            }
            failed.put(username, 0);
            lockedUntil.put(username, now.plus(lockFor));
            return now.plus(lockFor);
        }

        @Override
        public void recordSuccessfulSignIn(String username) {
            failed.put(username, 0);
        }

        @Override
        public void save(UserAccount account) {
            accounts.put(account.username(), account);
        }
    }

    /** bcrypt, counting its checks. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final Users users = new Users();
    private final CountingEncoder passwords = new CountingEncoder();
    /** A clock the tests move on. */
    static final class MovableClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-03-02T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final StoredUserAuthentication authentication = new StoredUserAuthentication(users, passwords, clock);

    private void user(String name, String password, Set<Role> roles, Set<String> agencies) {
        users.save(new UserAccount(name, passwords.encode(password), roles, agencies));
    }

    private Authentication signIn(String name, String password) {
        return authentication.authenticate(new UsernamePasswordAuthenticationToken(name, password));
    }

    @Test
    void a_right_password_costs_one_bcrypt_check_then_is_remembered() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));

        signIn("wang", "secret-1");
        signIn("wang", "secret-1");
        Authentication third = signIn("wang", "secret-1");

        assertThat(passwords.checks).hasValue(1);
        assertThat(((Caller) third.getPrincipal()).mayWrite("a-1")).isTrue();
    }

    @Test
    void a_wrong_password_is_refused_every_time_even_after_the_right_one_was_remembered() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        signIn("wang", "secret-1");

        assertThatThrownBy(() -> signIn("wang", "secret-2")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("wang", "secret-2")).isInstanceOf(BadCredentialsException.class);
        // the first refusal checks once more against the account read afresh (its password may have changed elsewhere)
        assertThat(passwords.checks).as("a refused password is never remembered").hasValue(4);
    }

    @Test
    void an_unknown_user_is_refused_like_a_wrong_password() {
        assertThatThrownBy(() -> signIn("nobody", "x")).isInstanceOf(BadCredentialsException.class)
                                                      .hasMessageContaining("用户名或密码错误");
    }

    @Test
    void a_changed_password_replaces_the_remembered_one_within_seconds() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        signIn("wang", "secret-1");

        user("wang", "secret-2", EnumSet.of(Role.OFFICER), Set.of("a-1"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> signIn("wang", "secret-1")).isInstanceOf(BadCredentialsException.class));
        assertThat(signIn("wang", "secret-2").getName()).isEqualTo("wang");
    }

    @Test
    void a_changed_grant_takes_effect_within_seconds_without_signing_in_again() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        signIn("wang", "secret-1");

        users.save(new UserAccount("wang", users.accounts.get("wang").passwordHash(), EnumSet.of(Role.OFFICER), Set.of("a-2")));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Caller caller = (Caller) signIn("wang", "secret-1").getPrincipal();
            return caller.mayWrite("a-2") && !caller.mayWrite("a-1");
        });
    }

    @Test
    void a_removed_user_signed_in_to_a_web_session_is_signed_out() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        assertThat(authentication.signedIn("wang")).isNotNull();

        users.accounts.remove("wang");

        await().atMost(Duration.ofSeconds(10)).until(() -> authentication.signedIn("wang") == null);
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_the_account_for_fifteen_minutes_even_against_the_right_one() {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("wang", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        signIn("wang", "secret-1"); // the count starts again
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("wang", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("wang", "wrong")).isInstanceOf(org.springframework.security.authentication.LockedException.class)
                                                        .hasMessageContaining("账户已锁定至 10:15（北京时间）");
        assertThatThrownBy(() -> signIn("wang", "secret-1")).isInstanceOf(org.springframework.security.authentication.LockedException.class);
        assertThat(authentication.signedIn("wang")).as("an open web session ends too").isNull();

        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        authentication.forget("wang");
        assertThat(signIn("wang", "secret-1").getName()).isEqualTo("wang");
    }

    @Test
    void wrong_passwords_sent_side_by_side_are_each_counted_and_none_fails_otherwise() throws Exception {
        user("wang", "secret-1", EnumSet.of(Role.OFFICER), Set.of("a-1"));
        signIn("wang", "secret-1"); // remembered, and its account cached: the guesses race with its eviction
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Class<?>>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        signIn("wang", "wrong");
                        return Object.class;
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                }));
            }
            for (var outcome : outcomes) {
                assertThat(outcome.get()).isIn(BadCredentialsException.class, org.springframework.security.authentication.LockedException.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> signIn("wang", "secret-1")).isInstanceOf(org.springframework.security.authentication.LockedException.class);
    }
}
