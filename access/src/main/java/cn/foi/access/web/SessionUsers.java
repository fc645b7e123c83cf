package cn.foi.access.web;

import cn.foi.access.StoredUserAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps only the signed-in user's name in the web session and rebuilds the caller from the user store on
 * every call (cached for two seconds by {@link StoredUserAuthentication}): roles and grants changed by an
 * administrator apply to open sessions, and a removed user is signed out at once.
 */
public class SessionUsers implements SecurityContextRepository {

    public static final String USERNAME = "foi.username";

    private final StoredUserAuthentication users;

    public SessionUsers(StoredUserAuthentication users) {
        this.users = users;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        String username = usernameIn(request);
        if (username == null) {
            return SecurityContextHolder.createEmptyContext();
        }
        Authentication current = users.signedIn(username);
        return current == null ? SecurityContextHolder.createEmptyContext() : new SecurityContextImpl(current);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(USERNAME);
            }
            return;
        }
        request.getSession(true).setAttribute(USERNAME, authentication.getName());
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return usernameIn(request) != null;
    }

    private static String usernameIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(USERNAME);
    }
}
