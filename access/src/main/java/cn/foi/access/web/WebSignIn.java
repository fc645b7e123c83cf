package cn.foi.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The browser's way in, beside HTTP Basic for API clients: a form login whose session both services know
 * ({@link MongoSessionRepository}) and the double-submit CSRF cookie that a page's script echoes in a
 * header. Shared by both services because one signed-in page acts on both.
 */
public final class WebSignIn {

    public static final String LOGIN_PAGE = "/login.html";
    public static final String SESSION_COOKIE = "SESSION";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private WebSignIn() {
    }

    /** Pages and their files: anyone may load them; what they show comes from calls that are checked. */
    public static final String[] PUBLIC_FILES = {"/", "/index.html", LOGIN_PAGE, "/css/**", "/js/**", "/img/**", "/favicon.ico", "/api/csrf"};

    public static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax"));
        return repository;
    }

    /**
     * A token is required where a browser would send credentials by itself: calls carrying the session
     * cookie, and the sign-in form (login CSRF). API clients sending HTTP Basic in the Authorization header
     * need none — a browser never adds that header to a forged cross-site request.
     */
    public static RequestMatcher needsCsrfToken() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                          && request.getHeader("Authorization") == null
                          && (hasSessionCookie(request) || "/login".equals(request.getServletPath()));
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Spring Security creates the token lazily; loading it on every call sets the cookie the page's script reads. */
    public static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
