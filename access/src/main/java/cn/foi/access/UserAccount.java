package cn.foi.access;

import java.util.Set;

/**
 * A user: roles, and the agencies they are granted ({@code "*"} for all, auditors and admins only).
 * The password is kept only as a hash of a current algorithm (bcrypt through Spring's delegating encoder).
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, Set<String> agencies, String displayName,
                          boolean disabled) {

    public static final String ALL_AGENCIES = "*";

    public UserAccount {
        roles = Set.copyOf(roles);
        agencies = Set.copyOf(agencies);
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    public UserAccount(String username, String passwordHash, Set<Role> roles, Set<String> agencies) {
        this(username, passwordHash, roles, agencies, null, false);
    }

    /** The name shown in histories: the display name, or the login when there is none. */
    public String shownName() {
        return displayName == null ? username : displayName;
    }

    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(username, hash, roles, agencies, displayName, disabled);
    }

    public UserAccount withAccess(Set<Role> newRoles, Set<String> newAgencies) {
        return new UserAccount(username, passwordHash, newRoles, newAgencies, displayName, disabled);
    }

    public UserAccount withDisplayName(String name) {
        return new UserAccount(username, passwordHash, roles, agencies, name, disabled);
    }

    public UserAccount withDisabled(boolean isDisabled) {
        return new UserAccount(username, passwordHash, roles, agencies, displayName, isDisabled);
    }

    public boolean grantedAgency(String agencyId) {
        return agencies.contains(ALL_AGENCIES) || agencies.contains(agencyId);
    }
}
