package cn.foi.command.user;

import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.StateConflict;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Users and their agency grants (ADMIN only, by the security rules). Never returns password material. */
@RestController
class UserController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,32}");
    private static final int MIN_PASSWORD = 10;

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final AgencyDirectory agencies;

    private final AdminBootstrap adminBootstrap;

    private final cn.foi.access.StoredUserAuthentication signIns;
    private final org.axonframework.commandhandling.gateway.CommandGateway commands;
    private final UserRecords records;
    private final cn.foi.access.web.MongoSessionRepository sessions;

    UserController(UserStore users, PasswordEncoder passwords, AgencyDirectory agencies, AdminBootstrap adminBootstrap,
                   cn.foi.access.StoredUserAuthentication signIns, org.axonframework.commandhandling.gateway.CommandGateway commands,
                   UserRecords records, cn.foi.access.web.MongoSessionRepository sessions) {
        this.sessions = sessions;
        this.signIns = signIns;
        this.commands = commands;
        this.records = records;
        this.adminBootstrap = adminBootstrap;
        this.users = users;
        this.passwords = passwords;
        this.agencies = agencies;
    }

    record UserBody(String username, String password, Set<Role> roles, Set<String> agencies, String displayName) {
    }

    @PostMapping("/api/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody UserBody body) {
        if (body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            throw new InvalidInput("用户名须为 2–32 位，只能用小写字母、数字和“.”“_”“-” (username: 2-32 of a-z 0-9 . _ -)");
        }
        UserAccount account = account(body.username(), requirePassword(body.username(), body.password()), body)
                .withDisplayName(displayName(body.displayName()));
        if (users.find(body.username()).isPresent()) {
            throw new StateConflict("用户 " + body.username() + " 已存在 (user already exists)");
        }
        // on the record first, then in effect: a store that refuses it afterwards (a second caller) answers 409
        try {
            commands.sendAndWait(new UserCommands.CreateUser(account.username(), account.displayName(), UserRecords.names(account.roles()),
                                                             account.agencies()));
        } catch (org.axonframework.modelling.command.ConcurrencyException
                 | org.axonframework.modelling.command.AggregateStreamCreationException e) {
            throw new StateConflict("用户 " + body.username() + " 已存在 (user already exists)");
        }
        if (!users.create(account)) {
            throw new StateConflict("用户 " + body.username() + " 已存在 (user already exists)");
        }
        return ResponseEntity.created(URI.create("/api/users/" + account.username())).body(view(account));
    }

    /** Replaces roles and grants; the display name and the password only if given. Each change is recorded. */
    @PutMapping("/api/users/{username}")
    Map<String, Object> update(@PathVariable String username, @RequestBody UserBody body) {
        UserAccount existing = existing(username);
        String hash = body.password() == null ? existing.passwordHash() : requirePassword(username, body.password());
        UserAccount changed = account(username, hash, body).withDisplayName(body.displayName() == null ? existing.displayName()
                : displayName(body.displayName())).withDisabled(existing.disabled());
        records.ensureRecorded(existing);
        commands.sendAndWait(new UserCommands.ChangeUserAccess(username, UserRecords.names(changed.roles()), changed.agencies()));
        commands.sendAndWait(new UserCommands.ChangeDisplayName(username, changed.displayName()));
        if (body.password() != null) {
            commands.sendAndWait(new UserCommands.ResetPassword(username, false));
        }
        users.setAccess(changed);
        if (body.password() != null) {
            users.setPasswordHash(username, hash);
            sessions.endSessionsOf(username, null); // reset by an administrator: signed in with the old one, signed out
        }
        signIns.forget(username);
        if (AdminBootstrap.ADMIN.equals(username) && body.password() != null) {
            adminBootstrap.rememberHash(hash);
        }
        return view(changed);
    }

    /** An account that may no longer sign in (its history and the events it recorded stay). */
    @PostMapping("/api/users/{username}/disable")
    Map<String, Object> disable(@PathVariable String username) {
        if (AdminBootstrap.ADMIN.equals(username)) {
            throw new cn.foi.command.problem.RuleViolation("初始管理员账户不能停用 (the initial administrator cannot be disabled)");
        }
        return setDisabled(username, true);
    }

    @PostMapping("/api/users/{username}/enable")
    Map<String, Object> enable(@PathVariable String username) {
        return setDisabled(username, false);
    }

    private Map<String, Object> setDisabled(String username, boolean disabled) {
        UserAccount existing = existing(username);
        records.ensureRecorded(existing);
        commands.sendAndWait(new UserCommands.DisableUser(username, disabled));
        users.setDisabled(username, disabled);
        signIns.forget(username);
        return view(existing.withDisabled(disabled));
    }

    /** Ends a lock (five wrong passwords in a row) before its fifteen minutes are over. */
    @PostMapping("/api/users/{username}/unlock")
    Map<String, Object> unlock(@PathVariable String username) {
        UserAccount existing = existing(username);
        records.ensureRecorded(existing);
        commands.sendAndWait(new UserCommands.UnlockUser(username));
        users.unlock(username);
        signIns.forget(username);
        Map<String, Object> answer = view(existing);
        answer.put("locked", false);
        return answer;
    }

    /** Who did what to the account, and when: every change recorded in the event log. Never any password material. */
    @GetMapping("/api/users/{username}/history")
    Map<String, Object> history(@PathVariable String username) {
        List<Map<String, Object>> entries = records.history(username);
        if (entries.isEmpty()) {
            existing(username);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", username);
        answer.put("events", entries);
        return answer;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Every user changes their own password, knowing the current one. */
    @org.springframework.web.bind.annotation.PutMapping("/api/account/password")
    Map<String, Object> changeOwnPassword(@RequestBody PasswordChange body, jakarta.servlet.http.HttpServletRequest request) {
        String username = cn.foi.access.Caller.current().orElseThrow().username();
        UserAccount existing = existing(username);
        java.time.Instant now = java.time.Instant.now();
        if (users.findWithSignInState(username).map(user -> user.lockedAt(now)).orElse(false)) {
            throw new cn.foi.command.problem.StateConflict("账户已锁定，密码未更改；请待锁定期满或请系统管理员解锁 (account locked)");
        }
        if (body == null || body.currentPassword() == null || !passwords.matches(body.currentPassword(), existing.passwordHash())) {
            // counted as a wrong password: this form must not be a way round the lock
            users.recordFailedSignIn(username, now, cn.foi.access.StoredUserAuthentication.WRONG_PASSWORDS_TO_LOCK,
                                     cn.foi.access.StoredUserAuthentication.LOCKED_FOR);
            signIns.forget(username);
            throw new InvalidInput("当前密码不正确，密码未更改 (the current password is wrong)");
        }
        String hash = requirePassword(username, body.newPassword());
        records.ensureRecorded(existing);
        commands.sendAndWait(new UserCommands.ResetPassword(username, true));
        users.setPasswordHash(username, hash);
        // every other web session of the user ends (one signed in elsewhere with the old password); this one stays
        var current = request.getSession(false);
        sessions.endSessionsOf(username, current == null ? null : current.getId());
        signIns.forget(username);
        if (AdminBootstrap.ADMIN.equals(username)) {
            adminBootstrap.rememberHash(hash);
        }
        return view(existing);
    }

    @GetMapping("/api/users")
    List<Map<String, Object>> list() {
        java.time.Instant now = java.time.Instant.now();
        return users.all().stream().map(account -> {
            Map<String, Object> view = view(account);
            // a lock still running, so the page offers to end it (and only then)
            users.findWithSignInState(account.username()).filter(user -> user.lockedAt(now))
                 .ifPresent(user -> view.put("lockedUntil", user.lockedUntil()));
            return view;
        }).toList();
    }

    private UserAccount existing(String username) {
        return users.find(username).orElseThrow(() -> new NotFound("用户 " + username + " 不存在 (unknown user)"));
    }

    private static String displayName(String name) {
        if (name != null && (name.strip().length() > 40 || name.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInput("显示名称至多 40 个字符，且不能含控制字符 (display name: at most 40 characters)");
        }
        return name;
    }

    private UserAccount account(String username, String passwordHash, UserBody body) {
        if (body.roles() == null || body.roles().isEmpty() || body.roles().contains(null)) {
            throw new InvalidInput("须指定至少一个角色 roles：OFFICER、SUPERVISOR、AUDITOR、ADMIN (at least one role)");
        }
        if (body.agencies() == null || body.agencies().isEmpty()) {
            throw new InvalidInput("须指定授权机构 agencies（审计员、管理员可为 \"*\"）(agencies are required)");
        }
        boolean all = body.agencies().contains(UserAccount.ALL_AGENCIES);
        boolean acts = body.roles().contains(Role.OFFICER) || body.roles().contains(Role.SUPERVISOR);
        if (all && acts) {
            throw new InvalidInput("办理人员和负责人只能被授权具体机构，不能为 \"*\" (officers and supervisors are granted named agencies only)");
        }
        for (String agency : body.agencies()) {
            if (!UserAccount.ALL_AGENCIES.equals(agency) && !agencies.exists(agency)) {
                throw new NotFound("机构 " + agency + " 不存在 (unknown agency)");
            }
        }
        return new UserAccount(username, passwordHash, body.roles(), body.agencies());
    }

    /**
     * A password someone cannot guess in a few tries: at least {@value #MIN_PASSWORD} characters of at least two kinds
     * (letters, digits, other signs; sixteen or more need only one), not one character repeated and not containing the
     * user name.
     */
    private String requirePassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInput("密码至少 " + MIN_PASSWORD + " 个字符 (password of at least " + MIN_PASSWORD + " characters)");
        }
        long kinds = password.chars().map(c -> Character.isLetter(c) ? 0 : Character.isDigit(c) ? 1 : 2).distinct().count();
        if ((kinds < 2 && password.length() < 16) || password.chars().distinct().count() < 4
            || password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidInput("密码太弱：须混用字母、数字或符号中的至少两类（16 位以上可不限），不能含用户名，不能是重复的字符 (weak password)");
        }
        return passwords.encode(password);
    }

    private static Map<String, Object> view(UserAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        view.put("agencies", account.agencies().stream().sorted().toList());
        view.put("displayName", account.displayName());
        view.put("disabled", account.disabled());
        return view;
    }
}
