package cn.foi.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;

/** The authenticated user of the current HTTP call. */
public record Caller(String username, Set<Role> roles, Set<String> agencies)
        implements org.springframework.security.core.AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }

    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean granted(String agencyId) {
        return agencies.contains(UserAccount.ALL_AGENCIES) || agencies.contains(agencyId);
    }

    /** Reads an agency's data: any role, if the agency is granted. */
    public boolean mayRead(String agencyId) {
        return granted(agencyId);
    }

    /**
     * Reads an agency's figures (its roll-up and its tables, never its requests) as a member of a government: an
     * administrator, or an auditor or supervisor granted the agency or one above it ({@code ancestors}, nearest first);
     * officers keep exact grants.
     */
    public boolean mayReadFiguresOf(String agencyId, java.util.List<String> ancestors) {
        return mayRead(agencyId) || has(Role.ADMIN)
               || (has(Role.AUDITOR) || has(Role.SUPERVISOR)) && ancestors.stream().anyMatch(this::granted);
    }

    /** Acts on an agency's requests: its officers and supervisors only. */
    public boolean mayWrite(String agencyId) {
        return (has(Role.OFFICER) || has(Role.SUPERVISOR)) && granted(agencyId);
    }

    /** Applicant personal data in full: the agency's own officers and supervisors; everyone else sees it masked. */
    public boolean seesPersonalDataOf(String agencyId) {
        return mayWrite(agencyId);
    }
}
