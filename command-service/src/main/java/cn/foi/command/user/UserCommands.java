package cn.foi.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Commands of user administration, each recorded as an event of the account ({@link User}). */
final class UserCommands {

    private UserCommands() {
    }

    /** A user's record in the log is the aggregate {@code user:<username>} (agencies and requests use other ids). */
    static String aggregateId(String username) {
        return "user:" + username;
    }

    record CreateUser(String username, String displayName, Set<String> roles, Set<String> agencies) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    /** An account the user store held before administration was recorded (an upgrade, or a bootstrap). */
    record RecordExistingUser(String username, String displayName, Set<String> roles, Set<String> agencies) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record ChangeUserAccess(String username, Set<String> roles, Set<String> agencies) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record ChangeDisplayName(String username, String displayName) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record ResetPassword(String username, boolean byTheUser) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record DisableUser(String username, boolean disabled) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record RecordLock(String username, Instant lockedUntil) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }

    record UnlockUser(String username) {
        @TargetAggregateIdentifier
        String aggregateId() {
            return UserCommands.aggregateId(username);
        }
    }
}
