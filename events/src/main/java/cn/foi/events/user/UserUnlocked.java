package cn.foi.events.user;

/** An administrator ended a lock early. */
public record UserUnlocked(String username) {
}
