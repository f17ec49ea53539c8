package io.github.speedup.config;

import io.github.speedup.execution.Mode;
import io.github.speedup.workload.Kind;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What runs when the POM names no workloads: one workload of each kind that shows a different
 * limit, sized and given the modes that tell its lesson, so that {@code mvn verify} of a POM with
 * only the plugin answers in about 15 s on 2 cores. Fresh processes pay a JVM start-up in every
 * iteration (about 0.1 s here, 60–90% of a small workload), so they are measured where they are the
 * lesson: the lock-bound workload, where separate JVMs gain and threads do not. The pool shows the
 * separate-heap and separate-lock gains elsewhere without that cost in its iterations.
 */
final class DefaultSuite {

    /** Per workload, when {@code maxTimeInSeconds} is not set: what a 15 s demo can give each of four. */
    static final Duration MAX_TIME = Duration.ofSeconds(3);

    private static final Set<Mode> SEPARATE_JVMS = Set.of(Mode.PROCESSES, Mode.POOL);

    /**
     * One workload of the suite, the modes it is measured in unless the user set {@code modes}, and
     * where on the worker sweep unless the user set {@code workers}.
     *
     * @param pastTheCores   whether it is also measured past the cores: only waiting work has
     *                       something to show there
     * @param atTheCoresOnly modes measured at the core count alone: separate JVMs at one worker tell
     *                       nothing that sequential and start-up do not, and cost a JVM each time
     */
    record Entry(WorkloadInput workload, List<Mode> modes, boolean pastTheCores, Set<Mode> atTheCoresOnly) {

        /**
         * The worker counts of each mode, in measuring order.
         *
         * @param userModes   the modes the user set, or empty
         * @param userWorkers the worker counts the user set, or empty
         * @param sweep       the default worker sweep
         */
        Map<Mode, List<Integer>> cells(List<Mode> userModes, List<Integer> userWorkers, List<Integer> sweep,
                                       int cores) {
            Map<Mode, List<Integer>> cells = new LinkedHashMap<>();
            for (Mode mode : userModes.isEmpty() ? modes : userModes) {
                List<Integer> workers;
                if (!userWorkers.isEmpty()) {
                    workers = userWorkers;
                } else if (atTheCoresOnly.contains(mode)) {
                    workers = List.of(cores);
                } else {
                    workers = sweep.stream().filter(w -> pastTheCores || w <= cores).toList();
                }
                cells.put(mode, workers);
            }
            return cells;
        }
    }

    // Sizes for about 40–65 ms of sequential work each: enough against the timer and the scheduler,
    // small enough that 6 or more samples of every result fit in the budget.
    static final List<Entry> ENTRIES = List.of(
            new Entry(WorkloadInput.builtIn(Kind.SLEEP.id(), Kind.SLEEP.id(), 8, 8),
                    List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL), true, Set.of()),
            new Entry(WorkloadInput.builtIn(Kind.CPU.id(), Kind.CPU.id(), 8, 8),
                    List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.POOL), false, SEPARATE_JVMS),
            new Entry(WorkloadInput.builtIn(Kind.CONTENDED.id(), Kind.CONTENDED.id(), 8, 6),
                    List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES, Mode.POOL), false,
                    SEPARATE_JVMS),
            new Entry(WorkloadInput.builtIn(Kind.ALLOC.id(), Kind.ALLOC.id(), 2, 100),
                    List.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.VIRTUAL, Mode.POOL), false, SEPARATE_JVMS));

    private DefaultSuite() {
    }

    static List<WorkloadInput> workloads() {
        return ENTRIES.stream().map(Entry::workload).toList();
    }
}
