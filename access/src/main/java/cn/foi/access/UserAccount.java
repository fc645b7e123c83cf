package cn.foi.access;

import java.util.Set;

/**
 * A user: roles, and the agencies they are granted ({@code "*"} for all, auditors and admins only).
 * The password is kept only as a hash of a current algorithm (bcrypt through Spring's delegating encoder).
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, Set<String> agencies) {

    public static final String ALL_AGENCIES = "*";

    public UserAccount {
        roles = Set.copyOf(roles);
        agencies = Set.copyOf(agencies);
    }

    public boolean grantedAgency(String agencyId) {
        return agencies.contains(ALL_AGENCIES) || agencies.contains(agencyId);
    }
}
