package cn.foi.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.Optional;

/**
 * The agency half of every decision: a call naming an agency, a request or a review is allowed only if
 * the caller is granted the agency it belongs to — to read (GET) for any role, to act otherwise for its
 * officers and supervisors. Request and review ids are resolved to their agency first, so an id guessed
 * from another agency leads nowhere.
 */
public class AgencyAccessInterceptor implements HandlerInterceptor {

    private final AgencyOwnership ownership;

    public AgencyAccessInterceptor(AgencyOwnership ownership) {
        this.ownership = ownership;
    }

    /** What a grant on a government lets its supervisors and auditors read of each agency under it: figures, no requests. */
    private static final java.util.Set<String> FIGURES = java.util.Set.of("/api/agencies/{agencyId}", "/api/agencies/{agencyId}/roll-up/{year}",
                                                                        "/api/agencies/{agencyId}/annual-tables/{year}",
                                                                        "/api/agencies/{agencyId}/annual-reports/{year}",
                                                                        "/api/agencies/{agencyId}/annual-reports/{year}/publications/{publication}");

    /** Calls naming an agency that administer it rather than act on its requests (ADMIN by the call's role rule). */
    private static final java.util.Set<String> ADMINISTRATION = java.util.Set.of("/api/agencies/{agencyId}/parent",
                                                                                 "/api/agencies/{agencyId}/case-number-pattern",
                                                                                 "/api/agencies/{agencyId}/letter-templates",
                                                                                 "/api/agencies/{agencyId}/letter-templates/{kind}",
                                                                                 "/api/agencies/{agencyId}/letter-templates/{kind}/preview");

    private static String bestMatchingPattern(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "" : pattern.toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Optional<Caller> caller = Caller.current();
        if (path == null || caller.isEmpty()) {
            return true;
        }
        Optional<String> agency;
        if (path.containsKey("agencyId")) {
            agency = Optional.of(path.get("agencyId"));
        } else if (path.containsKey("requestId")) {
            agency = ownership.agencyOfRequest(path.get("requestId"));
        } else if (path.containsKey("reviewId")) {
            agency = ownership.agencyOfReview(path.get("reviewId"));
        } else {
            return true;
        }
        if (agency.isEmpty()) {
            return true; // unknown: the handler answers 404
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                          || handler instanceof org.springframework.web.method.HandlerMethod method
                             && method.hasMethodAnnotation(ReadsOnly.class);
        if (caller.get().has(Role.ADMIN) && ADMINISTRATION.contains(bestMatchingPattern(request))) {
            return true; // the tree of agencies is the administrator's, whatever agencies the account is granted
        }
        if (reading && !caller.get().mayRead(agency.get()) && FIGURES.contains(bestMatchingPattern(request))
            && caller.get().mayReadFiguresOf(agency.get(), ownership.ancestorsOf(agency.get()))) {
            return true; // a member's figures, read by its government's supervisor or auditor
        }
        if (reading ? !caller.get().mayRead(agency.get()) : !caller.get().mayWrite(agency.get())) {
            throw new Forbidden("用户 " + caller.get().username() + " 无权" + (reading ? "查看" : "办理") + "机构 "
                                + agency.get() + " 的事项 (not granted this agency)");
        }
        return true;
    }
}
