package cn.foi.events.user;

import java.util.Set;

/** An administrator changed the account's roles or agency grants: the new ones, whole. */
public record UserAccessChanged(String username, Set<String> roles, Set<String> agencies) {
}
