package cn.foi.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agency half of every decision: a path naming an agency, a request or a review is checked against the grants. */
class AgencyAccessInterceptorTest {

    /** r-1 and v-1 belong to agency a-1; anything else is unknown. */
    private final AgencyAccessInterceptor interceptor = new AgencyAccessInterceptor(new AgencyOwnership() {
        @Override
        public Optional<String> agencyOfRequest(String requestId) {
            return "r-1".equals(requestId) ? Optional.of("a-1") : Optional.empty();
        }

        @Override
        public Optional<String> agencyOfReview(String reviewId) {
            return "v-1".equals(reviewId) ? Optional.of("a-1") : Optional.empty();
        }
    });

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(Set<Role> roles, String... agencies) {
        Caller caller = new Caller("someone", roles, Set.of(agencies));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
    }

    private boolean call(String method, String variable, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/any");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of(variable, value));
        return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
    }

    @Test
    void an_officer_acts_on_the_agencies_granted_to_them_only() {
        as(EnumSet.of(Role.OFFICER), "a-1");

        assertThat(call("POST", "agencyId", "a-1")).isTrue();
        assertThatThrownBy(() -> call("POST", "agencyId", "a-2")).isInstanceOf(Forbidden.class)
                                                               .hasMessageContaining("无权办理机构 a-2");
        assertThatThrownBy(() -> call("GET", "agencyId", "a-2")).isInstanceOf(Forbidden.class).hasMessageContaining("无权查看");
    }

    @Test
    void an_auditor_reads_the_agencies_granted_and_acts_on_none() {
        as(EnumSet.of(Role.AUDITOR), "a-1");

        assertThat(call("GET", "agencyId", "a-1")).isTrue();
        assertThatThrownBy(() -> call("POST", "agencyId", "a-1")).isInstanceOf(Forbidden.class);
    }

    @Test
    void a_request_or_review_id_is_checked_against_the_agency_it_belongs_to() {
        as(EnumSet.of(Role.OFFICER), "a-2");

        assertThatThrownBy(() -> call("POST", "requestId", "r-1")).as("a request of a-1, guessed from a-2")
                                                                 .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> call("GET", "reviewId", "v-1")).isInstanceOf(Forbidden.class);
    }

    @Test
    void an_unknown_request_passes_to_its_handler_which_answers_not_found() {
        as(EnumSet.of(Role.OFFICER), "a-2");

        assertThat(call("POST", "requestId", "r-unknown")).isTrue();
    }

    @Test
    void a_grant_of_every_agency_covers_them_all() {
        as(EnumSet.of(Role.SUPERVISOR), UserAccount.ALL_AGENCIES);

        assertThat(call("POST", "agencyId", "any-agency")).isTrue();
        assertThat(call("POST", "requestId", "r-1")).isTrue();
    }
}
