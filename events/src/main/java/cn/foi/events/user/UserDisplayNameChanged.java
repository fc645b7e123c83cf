package cn.foi.events.user;

/** The name shown for the account in histories instead of its login. */
public record UserDisplayNameChanged(String username, String displayName) {
}
