package flight.hal.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/** Helpers for jqwik action chains: steps that need a state to be possible, and a count of the calls generated. */
public final class Steps {
    private static final Map<String, LongAdder> CALLS = new ConcurrentSkipListMap<>();

    private Steps() {
    }

    /** A step possible only when {@code precondition} holds, generated from the state it will run on. */
    public static <S> Action.Dependent<S> when(Predicate<? super S> precondition,
            Function<? super S, Arbitrary<Transformer<S>>> transformers) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(S state) {
                return precondition.test(state);
            }

            @Override
            public Arbitrary<Transformer<S>> transformer(S state) {
                return transformers.apply(state);
            }
        };
    }

    /** Counts one generated call of {@code service}, for {@link #report()}. */
    public static void count(String service) {
        count(service, 1);
    }

    /** Counts {@code calls} generated calls of {@code service}, for {@link #report()}. */
    public static void count(String service, long calls) {
        CALLS.computeIfAbsent(service, name -> new LongAdder()).add(calls);
    }

    /**
     * {@code service: N calls} per service counted in this JVM so far, one a line. {@link CallReport} prints it when
     * a test run ends.
     */
    public static String report() {
        StringBuilder report = new StringBuilder();
        CALLS.forEach((service, calls) -> report.append(service).append(": ").append(calls.sum())
                .append(" generated calls\n"));
        return report.toString();
    }
}
