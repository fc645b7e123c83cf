package cn.foi.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic against the user store. A bcrypt check costs ~70 ms of CPU, and Basic sends the password
 * with every call, so a successful check is remembered in memory as a salted SHA-256 of (user, stored
 * hash, password): a changed password or a removed user never matches again, and the user record itself
 * (roles, grants) is re-read from the store at most {@link #USER_FRESHNESS} after it was last read, so
 * a changed grant or password takes effect within that time without a store round trip on every call.
 */
public class StoredUserAuthentication implements AuthenticationProvider {

    private static final int REMEMBERED_MAX = 10_000;
    static final java.time.Duration USER_FRESHNESS = java.time.Duration.ofSeconds(2);

    /** Wrong passwords in a row that lock an account, and for how long (issue 16). */
    public static final int WRONG_PASSWORDS_TO_LOCK = 5;
    public static final java.time.Duration LOCKED_FOR = java.time.Duration.ofMinutes(15);
    private static final java.time.format.DateTimeFormatter BEIJING = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                                                                                                    .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private record Loaded(UserStore.StoredUser user, long loadedAtNanos) {
    }

    private final java.util.Map<String, Loaded> recentlyLoaded = new ConcurrentHashMap<>();

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final byte[] salt = new byte[16];

    private final java.time.Clock clock;

    public StoredUserAuthentication(UserStore users, PasswordEncoder passwords) {
        this(users, passwords, java.time.Clock.systemUTC());
    }

    public StoredUserAuthentication(UserStore users, PasswordEncoder passwords, java.time.Clock clock) {
        this.clock = clock;
        this.users = users;
        this.passwords = passwords;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        long started = System.nanoTime();
        Loaded first = loaded(username);
        UserStore.StoredUser user = first.user();
        UserAccount account = user.account();
        java.time.Instant now = clock.instant();
        if (account.disabled()) {
            throw new org.springframework.security.authentication.DisabledException("账户已停用，请联系系统管理员 (account disabled)");
        }
        if (user.lockedAt(now)) {
            throw locked(user.lockedUntil());
        }
        String key = fingerprint(username, account.passwordHash(), password);
        boolean remembered = verified.contains(key);
        boolean right = remembered || passwords.matches(password, account.passwordHash());
        if (!right && first.loadedAtNanos() < started) {
            // read a moment ago, before this call: the password may have changed since (in the other service, say)
            recentlyLoaded.remove(username);
            user = user(username);
            account = user.account();
            key = fingerprint(username, account.passwordHash(), password);
            right = !account.disabled() && passwords.matches(password, account.passwordHash());
        }
        if (!right) {
            recentlyLoaded.remove(username); // the count changes: read it afresh next time
            java.time.Instant lockedUntil = users.recordFailedSignIn(username, now, WRONG_PASSWORDS_TO_LOCK, LOCKED_FOR);
            if (lockedUntil != null) {
                throw locked(lockedUntil);
            }
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        if (!remembered) {
            // a password checked just now: wrong guesses sent side by side may have locked the account meanwhile
            UserStore.StoredUser fresh = users.findWithSignInState(username).orElseThrow(
                    () -> new BadCredentialsException("用户名或密码错误 (bad credentials)"));
            if (fresh.lockedAt(clock.instant())) {
                throw locked(fresh.lockedUntil());
            }
            if (verified.size() >= REMEMBERED_MAX) {
                verified.clear();
            }
            verified.add(key);
        }
        if (user.failedSignIns() > 0) {
            users.recordSuccessfulSignIn(username);
            recentlyLoaded.remove(username);
        }
        return authenticationOf(account);
    }

    /** The user signed in to a web session, as the store knows them now; null once removed or locked. */
    public Authentication signedIn(String username) {
        try {
            UserStore.StoredUser user = user(username);
            return user.lockedAt(clock.instant()) || user.account().disabled() ? null : authenticationOf(user.account());
        } catch (BadCredentialsException removed) {
            return null;
        }
    }

    /** Reads the user afresh on the next sign-in here (after an administrator unlocked them, say). */
    public void forget(String username) {
        recentlyLoaded.remove(username);
    }

    /** Said even to the right password while the lock lasts, so guessing learns nothing. */
    private static org.springframework.security.authentication.LockedException locked(java.time.Instant until) {
        return new org.springframework.security.authentication.LockedException(
                "连续 " + WRONG_PASSWORDS_TO_LOCK + " 次密码错误，账户已锁定至 " + BEIJING.format(until) + "（北京时间），届时自动解锁，也可请系统管理员提前解锁"
                + " (account locked after " + WRONG_PASSWORDS_TO_LOCK + " wrong passwords until " + until + ")");
    }

    private static Authentication authenticationOf(UserAccount account) {
        Caller caller = new Caller(account.username(), account.roles(), account.agencies());
        return UsernamePasswordAuthenticationToken.authenticated(
                caller, null, account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    }

    private UserStore.StoredUser user(String username) {
        return loaded(username).user();
    }

    private Loaded loaded(String username) {
        Loaded loaded = recentlyLoaded.get(username);
        if (loaded == null || System.nanoTime() - loaded.loadedAtNanos() > USER_FRESHNESS.toNanos()) {
            UserStore.StoredUser user = users.findWithSignInState(username)
                                             .orElseThrow(() -> new BadCredentialsException("用户名或密码错误 (bad credentials)"));
            if (recentlyLoaded.size() >= REMEMBERED_MAX) {
                recentlyLoaded.clear();
            }
            loaded = new Loaded(user, System.nanoTime());
            recentlyLoaded.put(username, loaded);
        }
        return loaded;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String username, String hash, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            for (String part : new String[]{username, hash, password}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
