package cn.foi.access;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** 401 and 403 from the security filters, as application/problem+json like every other refusal. */
class ProblemWriter {

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.authentication.DisabledException) {
                write(response, HttpStatus.UNAUTHORIZED, "账户已停用 (account disabled)", e.getMessage());
                return;
            }
            if (e instanceof org.springframework.security.authentication.LockedException) {
                // no Basic challenge: the right password would not help until the lock ends
                write(response, HttpStatus.UNAUTHORIZED, "账户已锁定 (account locked)", e.getMessage());
                return;
            }
            if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                // the web application: no Basic challenge, or the browser would open its own password dialog
                write(response, HttpStatus.UNAUTHORIZED, "未登录或登录已过期 (unauthenticated)",
                      "请重新登录 (sign in again)");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"foi\", charset=\"UTF-8\"");
            write(response, HttpStatus.UNAUTHORIZED, "未登录或凭据错误 (unauthenticated)",
                  "请提供正确的用户名和密码（HTTP Basic）(missing or wrong credentials)");
        };
    }

    static AccessDeniedHandler denied() {
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.web.csrf.CsrfException) {
                write(response, HttpStatus.FORBIDDEN, "缺少或错误的 CSRF 令牌 (CSRF token missing or wrong)",
                      "页面已过期，请刷新页面后重试，未作任何更改 (reload the page and try again; nothing was changed)");
                return;
            }
            write(response, HttpStatus.FORBIDDEN, "无权执行此操作 (forbidden)",
                                               "当前用户的角色不允许此操作，未作任何更改 (your role does not allow this; nothing was changed)");
        };
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        // the texts are this class's own constants (a lock's message: digits, a time and Chinese): nothing to escape
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + ProblemText.chinese(title) + "\",\"status\":"
                                          + status.value() + ",\"detail\":\"" + ProblemText.chinese(detail) + "\",\"hint\":\""
                                          + ProblemText.hint(detail) + "\",\"titleHint\":\"" + ProblemText.hint(title) + "\"}")
                                                 .getBytes(StandardCharsets.UTF_8));
    }
}
