package cn.foi.events.user;

import java.util.Set;

/**
 * An account was created (by whom and when: the event's metadata and timestamp). Never any password material: the
 * password's hash lives in the user store, where it can be replaced and erased. {@code roles} are role names.
 */
public record UserCreated(String username, String displayName, Set<String> roles, Set<String> agencies) {
}
