package cn.foi.query.endtoend;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Discards the shared system once, when the whole test plan has run: after JUnit Jupiter's tests and jqwik's
 * properties alike, so that both engines use the one system started first (a second start in the same JVM
 * only cost time and was one more thing that could fail). Registered through {@code META-INF/services}.
 */
public final class EndOfTestRun implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Services.discardShared();
    }
}
