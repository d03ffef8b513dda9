package flight.hal.testkit;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints how many calls the properties generated per service when a test run ends, so that a CI log says how hard
 * each service was tried. Registered with the JUnit Platform through {@code META-INF/services}.
 */
public final class CallReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String report = Steps.report();
        if (!report.isEmpty()) {
            System.out.print("Generated calls of the HAL properties in this run:\n" + report);
        }
    }
}
