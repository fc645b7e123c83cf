package cn.foi.command.user;

import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import cn.foi.events.user.UserAccessChanged;
import cn.foi.events.user.UserCreated;
import cn.foi.events.user.UserDisabled;
import cn.foi.events.user.UserDisplayNameChanged;
import cn.foi.events.user.UserLocked;
import cn.foi.events.user.UserPasswordReset;
import cn.foi.events.user.UserUnlocked;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The accounts' administration in the event log: accounts the store held before it was recorded are recorded once,
 * locks (made by either service's sign-in, in the shared store) are recorded as they appear, and a user's history is
 * read back from the log.
 */
@Component
class UserRecords {

    private static final Logger log = LoggerFactory.getLogger(UserRecords.class);

    private final UserStore users;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ScheduledExecutorService lockWatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lock-records");
        thread.setDaemon(true);
        return thread;
    });

    UserRecords(UserStore users, CommandGateway commands, EventStore eventStore) {
        this.users = users;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        users.all().forEach(this::ensureRecorded);
        lockWatch.scheduleWithFixedDelay(this::recordLocks, 1, 2, TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        lockWatch.shutdownNow();
    }

    /** An account the log does not know yet (created before administration was recorded) is recorded as it stands. */
    void ensureRecorded(UserAccount account) {
        if (eventStore.lastSequenceNumberFor(UserCommands.aggregateId(account.username())).isEmpty()) {
            commands.sendAndWait(new UserCommands.RecordExistingUser(account.username(), account.displayName(), names(account.roles()),
                                                                     account.agencies()));
        }
    }

    void recordLocks() {
        try {
            users.locksNotRecorded().forEach((username, until) -> {
                users.find(username).ifPresent(this::ensureRecorded);
                commands.sendAndWait(new UserCommands.RecordLock(username, until));
                users.lockRecorded(username, until);
            });
        } catch (RuntimeException e) {
            log.warn("Could not record account locks yet: {}", e.toString());
        }
    }

    static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The account's history, oldest first; empty when the log holds none. Never any password material. */
    List<Map<String, Object>> history(String username) {
        List<Map<String, Object>> entries = new ArrayList<>();
        eventStore.readEvents(UserCommands.aggregateId(username)).asStream().forEach(message -> entries.add(entry(message)));
        return entries;
    }

    private Map<String, Object> entry(DomainEventMessage<?> message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Object payload = message.getPayload();
        entry.put("type", message.getPayloadType().getSimpleName());
        entry.put("label", label(payload));
        entry.put("at", message.getTimestamp());
        Object by = message.getMetaData().get(RecordedBy.USER_ID);
        entry.put("by", by == null ? null : by.toString());
        entry.put("byName", by == null ? "系统" : users.find(by.toString()).map(UserAccount::shownName).orElse(by.toString()));
        if (payload instanceof UserCreated created) {
            entry.put("roles", new java.util.TreeSet<>(created.roles()));
            entry.put("agencies", new java.util.TreeSet<>(created.agencies()));
            entry.put("displayName", created.displayName());
        } else if (payload instanceof UserAccessChanged changed) {
            entry.put("roles", new java.util.TreeSet<>(changed.roles()));
            entry.put("agencies", new java.util.TreeSet<>(changed.agencies()));
        } else if (payload instanceof UserDisplayNameChanged named) {
            entry.put("displayName", named.displayName());
        } else if (payload instanceof UserLocked locked) {
            entry.put("lockedUntil", locked.lockedUntil());
        }
        return entry;
    }

    private static String label(Object payload) {
        if (payload instanceof UserCreated) {
            return "创建账户";
        } else if (payload instanceof UserAccessChanged) {
            return "变更角色或授权机构";
        } else if (payload instanceof UserDisplayNameChanged) {
            return "变更显示名称";
        } else if (payload instanceof UserPasswordReset reset) {
            return reset.byTheUser() ? "本人修改密码" : "管理员重置密码";
        } else if (payload instanceof UserDisabled disabled) {
            return disabled.disabled() ? "停用账户" : "重新启用账户";
        } else if (payload instanceof UserLocked) {
            return "连续输错密码，账户锁定";
        } else if (payload instanceof UserUnlocked) {
            return "管理员解除锁定";
        }
        return payload.getClass().getSimpleName();
    }
}
