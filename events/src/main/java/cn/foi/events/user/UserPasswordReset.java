package cn.foi.events.user;

/** An administrator set a new password ({@code byTheUser}: the user changed their own). No password material. */
public record UserPasswordReset(String username, boolean byTheUser) {
}
