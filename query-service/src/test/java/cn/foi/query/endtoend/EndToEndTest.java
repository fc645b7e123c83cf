package cn.foi.query.endtoend;

import org.junit.jupiter.api.BeforeAll;

/**
 * The whole system, shared by the end-to-end tests, and the public API as a client uses it. The system is
 * discarded when the test run ends ({@link EndOfTestRun}).
 */
abstract class EndToEndTest {

    static Services services;
    static Api api;

    @BeforeAll
    static void startTheSystem() {
        services = Services.shared();
        api = new Api(services);
    }
}
