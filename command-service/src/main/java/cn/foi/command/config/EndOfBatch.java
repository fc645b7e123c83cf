package cn.foi.command.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Work a tracking processor's handlers hand on durably for a whole batch (Kafka's acknowledgements, one bulk
 * write), completed after the batch's last event is handled and <em>before</em> the processor stores its token.
 * <p>
 * Why not {@code onPrepareCommit}: the processor registers its own token write there when the batch's first event
 * arrives, before any handler runs, and prepare-commit handlers run in the order registered. Without a transaction
 * (MongoDB here) the token was therefore stored first and the work done after it, so a crash in between (a killed
 * process, a broker gone) left a token past events that were never published or registered (decision 0008).
 */
public final class EndOfBatch {

    private static final String KEY = EndOfBatch.class.getName();
    private static final String ACTIVE = KEY + ".active";

    private EndOfBatch() {
    }

    /** Work to complete once the current batch's events are all handled; a failure rolls the batch back. */
    public static void add(Runnable work) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.getResource(ACTIVE) == null) {
            // without the interceptor the work would never run, and the token would pass the events it stands for
            throw new IllegalStateException("EndOfBatch.interceptor() is not registered on this event processor");
        }
        root.<List<Runnable>>getOrComputeResource(KEY, key -> new ArrayList<>()).add(work);
    }

    /** Registered on every processor whose handlers use {@link #add}. */
    public static MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return EndOfBatch::completeAfterLastEvent;
    }

    private static Object completeAfterLastEvent(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                                 InterceptorChain chain) throws Exception {
        unitOfWork.root().resources().put(ACTIVE, Boolean.TRUE);
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            List<Runnable> work = unitOfWork.root().getResource(KEY);
            if (work != null) {
                unitOfWork.root().resources().remove(KEY);
                work.forEach(Runnable::run);
            }
        }
        return result;
    }
}
