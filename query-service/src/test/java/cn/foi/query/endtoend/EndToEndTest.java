package cn.foi.query.endtoend;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The whole system, shared by the end-to-end tests, and the public API as a client uses it. */
@ExtendWith(EndToEndTest.StopAtTheEnd.class)
abstract class EndToEndTest {

    static Services services;
    static Api api;

    @BeforeAll
    static void startTheSystem() {
        services = Services.shared();
        api = new Api(services);
    }

    /** Stops the shared system once, when the whole test run ends (not in a JVM shutdown hook). */
    static final class StopAtTheEnd implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                   .getOrComputeIfAbsent(Services.class, key -> (ExtensionContext.Store.CloseableResource) () -> {
                       if (services != null) {
                           services.discard();
                       }
                   });
        }
    }
}
