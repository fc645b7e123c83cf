package cn.foi.events.user;

import java.time.Instant;

/** Five wrong passwords in a row locked the account until {@code lockedUntil}. */
public record UserLocked(String username, Instant lockedUntil) {
}
