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

    UserController(UserStore users, PasswordEncoder passwords, AgencyDirectory agencies, AdminBootstrap adminBootstrap,
                   cn.foi.access.StoredUserAuthentication signIns) {
        this.signIns = signIns;
        this.adminBootstrap = adminBootstrap;
        this.users = users;
        this.passwords = passwords;
        this.agencies = agencies;
    }

    record UserBody(String username, String password, Set<Role> roles, Set<String> agencies) {
    }

    @PostMapping("/api/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody UserBody body) {
        if (body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            throw new InvalidInput("用户名须为 2–32 位，只能用小写字母、数字和“.”“_”“-” (username: 2-32 of a-z 0-9 . _ -)");
        }
        UserAccount account = account(body.username(), requirePassword(body.password()), body);
        if (!users.create(account)) {
            throw new StateConflict("用户 " + body.username() + " 已存在 (user already exists)");
        }
        return ResponseEntity.created(URI.create("/api/users/" + account.username())).body(view(account));
    }

    /** Replaces roles and grants; the password only if one is given. */
    @PutMapping("/api/users/{username}")
    Map<String, Object> update(@PathVariable String username, @RequestBody UserBody body) {
        UserAccount existing = users.find(username)
                                    .orElseThrow(() -> new NotFound("用户 " + username + " 不存在 (unknown user)"));
        String hash = body.password() == null ? existing.passwordHash() : requirePassword(body.password());
        UserAccount account = account(username, hash, body);
        users.save(account);
        if (AdminBootstrap.ADMIN.equals(username) && body.password() != null) {
            adminBootstrap.rememberHash(hash);
        }
        return view(account);
    }

    /** Ends a lock (five wrong passwords in a row) before its fifteen minutes are over. */
    @PostMapping("/api/users/{username}/unlock")
    Map<String, Object> unlock(@PathVariable String username) {
        if (!users.unlock(username)) {
            throw new NotFound("用户 " + username + " 不存在 (unknown user)");
        }
        signIns.forget(username);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", username);
        answer.put("locked", false);
        return answer;
    }

    @GetMapping("/api/users")
    List<Map<String, Object>> list() {
        return users.all().stream().map(UserController::view).toList();
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

    private String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInput("密码至少 " + MIN_PASSWORD + " 个字符 (password of at least " + MIN_PASSWORD + " characters)");
        }
        return passwords.encode(password);
    }

    private static Map<String, Object> view(UserAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        view.put("agencies", account.agencies().stream().sorted().toList());
        return view;
    }
}
