package cn.foi.command.instances;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * A command that found its aggregate changed since it was loaded is tried again, once or twice, on the aggregate read
 * afresh (Axon's cache forgets an aggregate whose unit of work rolled back). With two instances, each instance's cache
 * may hold an aggregate the other has since changed: without this, the first command after such a change would be
 * refused for a conflict the user had no part in. Two commands racing for the same step still end with one refused,
 * by the aggregate's own rule on the retry. Nothing else is retried: a refused command is refused.
 */
@Configuration
class RetryOnConcurrentChange implements RetryScheduler {

    static final int RETRIES = 2;

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(this).build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        // not inside another unit of work (a batch): the stale aggregate is forgotten only when the outer one rolls back
        if (failures.size() > RETRIES || !causedByConcurrentChange(lastFailure) || CurrentUnitOfWork.isStarted()) {
            return false;
        }
        commandDispatch.run(); // at once, on the caller's thread: the stale aggregate has already been forgotten
        return true;
    }

    private static boolean causedByConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
