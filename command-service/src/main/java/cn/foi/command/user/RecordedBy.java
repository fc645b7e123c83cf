package cn.foi.command.user;

import cn.foi.access.Caller;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every event records who caused it: the caller's user id goes onto the command's metadata and from
 * there, as correlation data, onto every event the command applies.
 */
@Configuration
class RecordedBy {

    static final String USER_ID = "userId";

    /** Registered once every bean exists: the command bus itself depends on the providers below. */
    @Bean
    SmartInitializingSingleton userIdOnCommands(@Lazy CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new UserIdOnCommands());
    }

    @Bean
    CorrelationDataProvider userIdOnEvents() {
        return new SimpleCorrelationDataProvider(USER_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    private static final class UserIdOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> Caller.current()
                    .<CommandMessage<?>>map(caller -> command.andMetaData(Map.of(USER_ID, caller.username())))
                    .orElse(command);
        }
    }
}
