package cn.foi.events.user;

/** The account may no longer sign in ({@code disabled} false: enabled again). */
public record UserDisabled(String username, boolean disabled) {
}
