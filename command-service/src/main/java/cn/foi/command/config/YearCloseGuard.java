package cn.foi.command.config;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A year close sees no command half-done: it runs alone, while all other commands share the lock.
 * The lock is held until the unit of work is cleaned up, i.e. after its events are stored. Closes are
 * rare (once a year per agency), so the brief pause they impose on other commands is acceptable; it
 * assumes one active command-service instance (see docs/decisions).
 */
@Component
class YearCloseGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    YearCloseGuard(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // a move in the tree of agencies runs alone too: two moves checked side by side could make a cycle together
        Object payload = unitOfWork.getMessage().getPayload();
        boolean close = payload instanceof CloseReportingYear || payload instanceof cn.foi.command.agency.AgencyCommands.PlaceAgency;
        if (lock.getReadHoldCount() > 0) {
            if (close) { // the write lock would wait for this very thread's read lock for ever
                throw new IllegalStateException("A year close cannot run inside another command");
            }
            // a command inside a batch whose first command took the read lock: it is held until the batch is
            // stored; taking it again per command would count up to the lock's 65,535 holds
            return interceptorChain.proceed();
        }
        Lock held = close ? lock.writeLock() : lock.readLock();
        held.lock();
        unitOfWork.onCleanup(u -> held.unlock());
        return interceptorChain.proceed();
    }
}
