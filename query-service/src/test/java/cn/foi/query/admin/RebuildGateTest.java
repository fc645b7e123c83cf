package cn.foi.query.admin;

import cn.foi.query.problem.QueryProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.AntPathMatcher;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** During a rebuild no projected figure is served half-built; the rebuild's own progress stays readable. */
class RebuildGateTest {

    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final org.springframework.web.servlet.HandlerInterceptor gate = RebuildGate.interceptor(rebuilding::get);

    private boolean passes(String path) throws Exception {
        return gate.preHandle(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), new Object());
    }

    @Test
    void reads_of_projected_data_wait_for_the_rebuild_and_say_so_in_chinese() throws Exception {
        assertThat(passes("/api/agencies/a/worklist")).isTrue();
        rebuilding.set(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> gate.preHandle(new MockHttpServletRequest("GET", "/api/agencies/a/worklist"), response, new Object()))
                .isInstanceOfSatisfying(QueryProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.getMessage()).contains("重建");
                });
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        rebuilding.set(false);
        assertThat(passes("/api/agencies/a/worklist")).isTrue();
    }

    @Test
    void the_rebuild_progress_the_caller_and_the_calendar_are_not_gated() {
        AntPathMatcher paths = new AntPathMatcher();
        for (String open : new String[]{"/api/admin/rebuild", "/api/admin/projection", "/api/me", "/api/csrf", "/api/calendar"}) {
            assertThat(Arrays.stream(RebuildGate.ALWAYS_OPEN).anyMatch(p -> paths.match(p, open))).as(open).isTrue();
        }
        for (String gated : new String[]{"/api/agencies/a/annual-tables/2025", "/api/requests/r", "/api/agencies/a/metrics/2025",
                                         "/api/agencies/a/requests", "/api/agencies"}) {
            assertThat(Arrays.stream(RebuildGate.ALWAYS_OPEN).anyMatch(p -> paths.match(p, gated))).as(gated).isFalse();
        }
    }
}
