package cn.foi.command.instances;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import cn.foi.command.agency.AgencyCommands.PlaceAgency;
import cn.foi.command.agency.AgencyCommands.SetCaseNumberPattern;
import cn.foi.command.calendar.NationalCalendar.PublishHolidayArrangement;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.locks.Lock;

/**
 * A command that changes what every other command relies on runs alone, across every instance of the command
 * service: a year close (it must see every receipt of its year, and none may follow it), a move in the tree of
 * agencies (two moves checked side by side could make a cycle together), a holiday notice (deadlines count with it),
 * a case-number pattern (every instance writes numbers with it).
 * They are rare, so the brief pause they impose on other commands is acceptable. Every other command shares the lock,
 * held until its unit of work is cleaned up, i.e. after its events are stored.
 */
@Component
class ExclusiveCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandInstances instances;

    /** Axon registers every command interceptor bean on the command bus itself. */
    ExclusiveCommands(CommandInstances instances) {
        this.instances = instances;
    }

    static boolean runsAlone(Object payload) {
        return payload instanceof CloseReportingYear || payload instanceof PlaceAgency
               || payload instanceof PublishHolidayArrangement || payload instanceof SetCaseNumberPattern;
    }

    private static final org.axonframework.modelling.command.CommandTargetResolver TARGETS =
            org.axonframework.modelling.command.AnnotationCommandTargetResolver.builder().build();

    /** The aggregate a command is for; null for one that creates its aggregate. */
    private static String targetOf(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        boolean alone = runsAlone(unitOfWork.getMessage().getPayload());
        var lock = instances.lock();
        if (lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread()) {
            if (alone) { // the write lock would wait for this very thread's read lock for ever
                throw new IllegalStateException("A command that runs alone cannot run inside another command");
            }
            // a command inside a batch whose first command took the lock: it is held until the batch is stored;
            // taking it again per command would count up to the lock's 65,535 holds
            return interceptorChain.proceed();
        }
        if (!alone) {
            instances.awaitWatching();
            instances.forgetIfShared(targetOf(unitOfWork.getMessage()));
            Lock shared = lock.readLock();
            shared.lock();
            unitOfWork.onCleanup(u -> shared.unlock());
            return interceptorChain.proceed();
        }
        // the lease first, this instance's lock last: while waiting for another instance's lease, this one's watcher
        // must be able to pause it; and while the others pause (a crashed one is waited for until its heartbeat is
        // stale), this instance's own commands go on
        String leaseId = instances.acquire();
        Lock exclusive = lock.writeLock();
        try {
            instances.awaitOthersPaused(leaseId);
            exclusive.lock();
        } catch (RuntimeException | Error e) {
            if (lock.isWriteLockedByCurrentThread()) {
                exclusive.unlock();
            }
            instances.release(leaseId);
            throw e;
        }
        unitOfWork.onPrepareCommit(u -> instances.confirmHeld(leaseId));
        unitOfWork.onCleanup(u -> {
            try {
                instances.release(leaseId);
            } finally {
                exclusive.unlock();
            }
        });
        return interceptorChain.proceed();
    }
}
