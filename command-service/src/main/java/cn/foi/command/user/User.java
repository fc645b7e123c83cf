package cn.foi.command.user;

import cn.foi.command.user.UserCommands.ChangeDisplayName;
import cn.foi.command.user.UserCommands.ChangeUserAccess;
import cn.foi.command.user.UserCommands.CreateUser;
import cn.foi.command.user.UserCommands.DisableUser;
import cn.foi.command.user.UserCommands.RecordExistingUser;
import cn.foi.command.user.UserCommands.RecordLock;
import cn.foi.command.user.UserCommands.ResetPassword;
import cn.foi.command.user.UserCommands.UnlockUser;
import cn.foi.events.user.UserAccessChanged;
import cn.foi.events.user.UserCreated;
import cn.foi.events.user.UserDisabled;
import cn.foi.events.user.UserDisplayNameChanged;
import cn.foi.events.user.UserLocked;
import cn.foi.events.user.UserPasswordReset;
import cn.foi.events.user.UserUnlocked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One account's administration on the record: created, roles or grants changed, display name, password reset,
 * disabled or enabled, locked, unlocked. Who and when are the events' metadata and timestamps; the password's hash
 * is never here (the user store keeps it, replaceable and erasable). A change that changes nothing records nothing.
 */
@Aggregate(cache = "aggregateCache")
public class User {

    @AggregateIdentifier
    private String id;
    private Set<String> roles;
    private Set<String> agencies;
    private String displayName;
    private boolean disabled;
    private Instant lockRecorded;

    protected User() {
        // for Axon
    }

    /**
     * Also on an account already on record: its creation was recorded before and the store then refused or failed, so
     * the name was never in use (the user API creates only names the store does not hold).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateUser command) {
        apply(new UserCreated(command.username(), command.displayName(), Set.copyOf(command.roles()), Set.copyOf(command.agencies())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RecordExistingUser command) {
        apply(new UserCreated(command.username(), command.displayName(), Set.copyOf(command.roles()), Set.copyOf(command.agencies())));
    }

    @CommandHandler
    public void handle(ChangeUserAccess command) {
        if (!command.roles().equals(roles) || !command.agencies().equals(agencies)) {
            apply(new UserAccessChanged(command.username(), Set.copyOf(command.roles()), Set.copyOf(command.agencies())));
        }
    }

    @CommandHandler
    public void handle(ChangeDisplayName command) {
        if (!Objects.equals(command.displayName(), displayName)) {
            apply(new UserDisplayNameChanged(command.username(), command.displayName()));
        }
    }

    @CommandHandler
    public void handle(ResetPassword command) {
        apply(new UserPasswordReset(command.username(), command.byTheUser()));
    }

    @CommandHandler
    public void handle(DisableUser command) {
        if (command.disabled() != disabled) {
            apply(new UserDisabled(command.username(), command.disabled()));
        }
    }

    @CommandHandler
    public void handle(RecordLock command) {
        if (!command.lockedUntil().equals(lockRecorded)) {
            apply(new UserLocked(command.username(), command.lockedUntil()));
        }
    }

    @CommandHandler
    public void handle(UnlockUser command) {
        apply(new UserUnlocked(command.username()));
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        id = UserCommands.aggregateId(event.username());
        roles = event.roles();
        agencies = event.agencies();
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(UserAccessChanged event) {
        roles = event.roles();
        agencies = event.agencies();
    }

    @EventSourcingHandler
    void on(UserDisplayNameChanged event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        disabled = event.disabled();
    }

    @EventSourcingHandler
    void on(UserLocked event) {
        lockRecorded = event.lockedUntil();
    }
}
