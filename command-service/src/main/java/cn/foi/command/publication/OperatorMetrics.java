package cn.foi.command.publication;

import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.command.config.ProcessorPositions;
import cn.foi.command.eventstore.CommitLogEventStorageEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on the command side (Prometheus at /actuator/prometheus): commands handled by kind and
 * outcome (their rate is commands per second), and the publisher's and the register's backlog behind the event store.
 */
@Component
class OperatorMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    /** Axon registers every command interceptor bean on the command bus itself (registering it again counted twice). */
    OperatorMetrics(MeterRegistry registry, ProcessorPositions positions, CommitLogEventStorageEngine store) {
        this.registry = registry;
        for (String processor : new String[]{EventStoreConfiguration.KAFKA_PUBLISHER, EventStoreConfiguration.REQUEST_REGISTER}) {
            Gauge.builder("foi.processor.backlog", () -> backlog(positions, store, processor))
                 .tag("processor", processor)
                 .description("stored events the processor has not handled yet (kafka-publisher: not yet on the topic)")
                 .baseUnit("events").register(registry);
        }
    }

    /** From the shared token store: the same figure in every instance, whichever runs the processor. */
    private static double backlog(ProcessorPositions positions, CommitLogEventStorageEngine store, String name) {
        var head = store.createHeadToken();
        long headIndex = head == null ? -1 : ((GlobalSequenceTrackingToken) head).getGlobalIndex();
        return Math.max(0, headIndex - positions.storedPosition(name));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        try {
            Object result = chain.proceed();
            count(command, "accepted");
            return result;
        } catch (Exception e) {
            count(command, "refused");
            throw e;
        }
    }

    private void count(String command, String outcome) {
        Counter.builder("foi.commands").tag("command", command).tag("outcome", outcome)
               .description("commands handled; a refused one changed nothing").register(registry).increment();
    }
}
