package flight.hal.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The compliance kit as a build step: boots the HAL runtime (Felix and the runtime's bundles, from the local Maven
 * repository, at this kit's versions) with a driver bundle, runs the kit on every driver the bundle registers, writes
 * the report as text ({@code compliance.txt}) and JUnit XML ({@code TEST-flight.hal.compliance.xml}), prints the text
 * and exits with 0 when every driver is compliant, 1 when one is not, 2 when it could not check.
 *
 * <pre>
 * java -cp &lt;this kit, Felix&gt; flight.hal.testing.ComplianceRunner target/my-driver.jar --report target/compliance
 *      [--repository ~/.m2/repository] [--timeout 120]
 * </pre>
 *
 * The class path needs this kit and the Felix framework (both are on a project's test class path when it depends on
 * this kit); the runtime's bundles are read from the repository, where resolving this kit put them.
 */
public final class ComplianceRunner {
    static final int COMPLIANT = 0;
    static final int NOT_COMPLIANT = 1;
    static final int ERROR = 2;
    private static final String USAGE = "usage: ComplianceRunner <driver.jar> [--report <folder>] "
            + "[--repository <maven repository>] [--timeout <seconds>]";

    private ComplianceRunner() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the kit as the arguments say, printing to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out) throws Exception {
        RunnerArguments arguments = RunnerArguments.parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return ERROR;
        }
        List<String> missing = new ArrayList<>();
        List<RuntimeBundle> bundles = RuntimeBundle.all();
        for (RuntimeBundle bundle : bundles) {
            if (!Files.isRegularFile(bundle.in(arguments.repository()))) {
                missing.add(bundle.in(arguments.repository()).toString());
            }
        }
        if (!Files.isRegularFile(arguments.driverJar()) || !missing.isEmpty()) {
            out.println("error: missing " + (missing.isEmpty() ? arguments.driverJar() : missing));
            return ERROR;
        }
        Files.createDirectories(arguments.report());
        Files.deleteIfExists(arguments.report().resolve("compliance.verdict"));
        Framework framework = launch(arguments, bundles);
        try {
            framework.getBundleContext().installBundle(arguments.driverJar().toUri().toString()).start();
        } catch (BundleException e) {
            out.println("error: " + arguments.driverJar() + " does not start in the HAL runtime: " + e.getMessage());
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(arguments.timeoutSeconds()));
            return ERROR;
        }
        FrameworkEvent stopped = framework.waitForStop(TimeUnit.SECONDS.toMillis(2 * arguments.timeoutSeconds()));
        if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            framework.stop();
            out.println("error: the compliance run did not end within " + 2 * arguments.timeoutSeconds() + " s");
            return ERROR;
        }
        return verdict(arguments.report(), out);
    }

    /** Felix with the runtime's bundles, started up to the level that starts them all. */
    private static Framework launch(RunnerArguments arguments, List<RuntimeBundle> bundles)
            throws BundleException, InterruptedException {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, arguments.report().resolve("framework").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(RuntimeBundle.LEVEL));
        // no JVM-wide URL handler factory: a JVM that runs this (a test's) may launch other frameworks after it
        properties.put("felix.service.urlhandlers", "false");
        properties.put("flight.hal.compliance.run.jar", arguments.driverJar().toUri().toString());
        properties.put("flight.hal.compliance.run.report", arguments.report().toAbsolutePath().toString());
        properties.put("flight.hal.compliance.run.timeout.seconds", String.valueOf(arguments.timeoutSeconds()));
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(properties);
        framework.init();
        for (RuntimeBundle runtimeBundle : bundles) {
            Bundle bundle = framework.getBundleContext()
                    .installBundle(runtimeBundle.in(arguments.repository()).toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(runtimeBundle.startLevel());
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        framework.start();
        if (!started.await(arguments.timeoutSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the HAL runtime did not start within " + arguments.timeoutSeconds() + " s");
        }
        return framework;
    }

    /** Prints the report the run wrote; its verdict as the exit status. */
    private static int verdict(Path report, PrintStream out) throws IOException {
        Path text = report.resolve("compliance.txt");
        Path verdict = report.resolve("compliance.verdict");
        if (Files.isRegularFile(text)) {
            out.print(Files.readString(text, StandardCharsets.UTF_8));
        }
        String outcome = Files.isRegularFile(verdict) ? Files.readString(verdict, StandardCharsets.UTF_8).trim()
                : "no verdict was written";
        out.println("compliance: " + outcome + " (report in " + report.toAbsolutePath() + ")");
        return switch (outcome) {
            case "COMPLIANT" -> COMPLIANT;
            case "NOT COMPLIANT" -> NOT_COMPLIANT;
            default -> ERROR;
        };
    }

    /** The command line. */
    record RunnerArguments(Path driverJar, Path report, Path repository, long timeoutSeconds) {

        /** The arguments, or null when they are not as {@link #USAGE} says. */
        static RunnerArguments parse(String[] args) {
            Path jar = null;
            Path report = Paths.get("target", "compliance");
            Path repository = Paths.get(System.getProperty("maven.repo.local",
                    Paths.get(System.getProperty("user.home"), ".m2", "repository").toString()));
            long timeout = 120;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                boolean option = arg.startsWith("--");
                if (option && i + 1 >= args.length) {
                    return null;
                }
                switch (arg) {
                    case "--report" -> report = Paths.get(args[++i]);
                    case "--repository" -> repository = Paths.get(args[++i]);
                    case "--timeout" -> timeout = parseSeconds(args[++i]);
                    default -> {
                        if (option || jar != null) {
                            return null;
                        }
                        jar = Paths.get(arg);
                    }
                }
            }
            return jar == null || timeout <= 0 ? null : new RunnerArguments(jar, report, repository, timeout);
        }

        private static long parseSeconds(String seconds) {
            try {
                return Long.parseLong(seconds);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
