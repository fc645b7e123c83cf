package cn.foi.access.web;

import cn.foi.access.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.TreeSet;

/** Who the page is talking for, and the CSRF cookie before the sign-in form is sent. */
@RestController
public class SignedInController {

    @GetMapping("/api/me")
    public Map<String, Object> me() {
        Caller caller = Caller.current().orElseThrow();
        boolean all = caller.agencies().contains(cn.foi.access.UserAccount.ALL_AGENCIES);
        return Map.of("username", caller.username(),
                      "roles", new TreeSet<>(caller.roles().stream().map(Enum::name).toList()),
                      "agencies", all ? java.util.List.of() : new TreeSet<>(caller.agencies()),
                      "allAgencies", all);
    }

    /** 204; the CSRF cookie is set on the way out (see {@link WebSignIn.CsrfCookieFilter}). */
    @GetMapping("/api/csrf")
    public ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }
}
