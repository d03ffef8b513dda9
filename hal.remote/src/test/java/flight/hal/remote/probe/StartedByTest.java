package flight.hal.remote.probe;

import java.util.ArrayList;
import java.util.List;

/** The node processes and frameworks a test started, all ended after it. */
final class StartedByTest {
    final List<Process> nodes = new ArrayList<>();
    final List<ProbeFramework> frameworks = new ArrayList<>();

    Process node(Process node) {
        nodes.add(node);
        return node;
    }

    ProbeFramework framework(ProbeFramework framework) {
        frameworks.add(framework);
        return framework;
    }

    /** Kills every node (kill -9) and stops every framework. */
    void endAll() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor();
        }
        for (ProbeFramework framework : frameworks) {
            framework.close();
        }
    }
}
