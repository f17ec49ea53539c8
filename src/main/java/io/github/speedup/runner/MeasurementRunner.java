package io.github.speedup.runner;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.injvm.MeasurementJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.OutputBound;
import io.github.speedup.execution.launch.ClusterConnection;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.launch.OutputDrain;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Sample;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.workload.WorkloadSpec;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.plan.Measurement;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.Side;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.stats.Summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes the measurements of a plan, one workload at a time: warm-ups, then measured iterations,
 * interleaved across the workload's modes or in blocks. Each measurement's iterations run in the
 * {@link ModeExecutor} its mode is registered with ({@link ModeExecutors}), started at its first
 * iteration and closed with its workload; the runner knows a mode only by that executor and the
 * properties of {@link Mode}. In-JVM modes run in one forked measurement JVM per side, started with
 * the run, and every JVM is started by the same {@link JvmLauncher}. A failure stops the run but
 * keeps what was measured, the iterations the failing workload finished included.
 * <p>
 * With an earlier version to compare with, its side has a launcher of its own (the same flags, its
 * class path) and a measurement JVM of its own, warm for the whole run like this build's, so the two
 * share neither JIT nor heap; its pool and processes workers are its own too. Both sides' iterations
 * of a workload are interleaved in the same rounds, so each of its measurements has a partner on the
 * other side taken moments apart. A workload that does not link against the earlier version (a
 * {@link LinkageError} on its side) is not compared: that side's measurements of it are dropped, with
 * the error as their reason, and the run goes on.
 */
public final class MeasurementRunner {

    private final JvmLauncher launcher;
    /** The earlier version's side's, or {@code null} where nothing is compared. */
    private final JvmLauncher previousLauncher;
    private final Duration timeout;
    private final ChildOutput output;
    private final ProgressListener progress;
    private final LoadGuard guard;
    private final ClusterConnection clusterConnection;
    private final ModeExecutors executors;
    private final Diagnostics diagnostics;

    public MeasurementRunner(JvmLauncher launcher, Duration timeout, ChildOutput output, ProgressListener progress,
                             LoadGuard guard) {
        this(launcher, null, timeout, output, progress, guard, ClusterConnection.EMBEDDED);
    }

    /**
     * @param previousLauncher starts the JVMs of the earlier version's side (its class path, this
     *                         build's flags); {@code null} for plans that compare with nothing
     * @param cluster          where the cluster mode runs: a cluster started per workload, or an existing one
     */
    public MeasurementRunner(JvmLauncher launcher, JvmLauncher previousLauncher, Duration timeout, ChildOutput output,
                             ProgressListener progress, LoadGuard guard, ClusterConnection cluster) {
        this(launcher, previousLauncher, timeout, output, progress, guard, cluster, ModeExecutors.standard());
    }

    /** @param executors which executor runs each mode */
    public MeasurementRunner(JvmLauncher launcher, JvmLauncher previousLauncher, Duration timeout, ChildOutput output,
                             ProgressListener progress, LoadGuard guard, ClusterConnection cluster,
                             ModeExecutors executors) {
        this(launcher, previousLauncher, timeout, output, progress, guard, cluster, executors,
                Diagnostics.BREAKDOWN_ONLY);
    }

    private MeasurementRunner(JvmLauncher launcher, JvmLauncher previousLauncher, Duration timeout,
                              ChildOutput output, ProgressListener progress, LoadGuard guard,
                              ClusterConnection cluster, ModeExecutors executors, Diagnostics diagnostics) {
        this.launcher = launcher;
        this.previousLauncher = previousLauncher;
        this.timeout = timeout;
        this.output = output;
        this.progress = progress;
        this.guard = guard;
        this.clusterConnection = cluster;
        this.executors = executors;
        this.diagnostics = diagnostics;
    }

    /** This runner with its diagnostic iterations taken as {@code newDiagnostics} says, or none. */
    public MeasurementRunner with(Diagnostics newDiagnostics) {
        return new MeasurementRunner(launcher, previousLauncher, timeout, output, progress, guard, clusterConnection,
                executors, newDiagnostics);
    }

    /**
     * @throws IllegalArgumentException the plan measures an earlier version and this runner has no
     *                                  launcher for its side
     */
    public RunOutcome run(MeasurementPlan plan) {
        return run(plan, BeforeMeasuring.NOTHING);
    }

    /**
     * What the host does once the measurement JVMs are up and before the first iteration, while nothing
     * is measured: the engine's look at how busy the machine is, half a second of waiting, in which the
     * measurement JVM sets its flight recorder up where diagnostic iterations will follow.
     */
    @FunctionalInterface
    public interface BeforeMeasuring {

        BeforeMeasuring NOTHING = () -> { };

        void run() throws InterruptedException;
    }

    /**
     * Measures the plan, running {@code beforeMeasuring} once the measurement JVMs are up; its time does
     * not count against the run's budget ({@code maxRunTimeInSeconds}), as it did not when it came
     * before the run.
     *
     * @throws IllegalArgumentException the plan measures an earlier version and this runner has no
     *                                  launcher for its side
     */
    public RunOutcome run(MeasurementPlan plan, BeforeMeasuring beforeMeasuring) {
        boolean compares = plan.measurements().stream().anyMatch(m -> m.side() == Side.PREVIOUS);
        if (compares && previousLauncher == null) {
            throw new IllegalArgumentException("the plan measures " + plan.compareWith().artifact()
                    + " as well, but the runner has no launcher for its side");
        }
        List<MeasuredResult> results = new ArrayList<>();
        Map<String, WorkloadTime> times = new LinkedHashMap<>();
        // A budget the user set for the run counts from here, the measurement JVMs' start-up included.
        // Without one, each workload's own budget bounds it, so the run takes at most their sum.
        long runStart = System.nanoTime();
        Duration runBudget = plan.sampling().maxRunTime();
        JvmInfo jvm = JvmInfo.current();
        Map<Side, MeasurementJvm> measurementJvms = new EnumMap<>(Side.class);
        // What the children write reaches the log bounded per child and workload, the rest counted.
        OutputBound output = new OutputBound(this.output);
        try {
            if (plan.needsMeasurementJvm(Side.THIS)) {
                // The first recording in a JVM costs 0.75 s where later ones cost tens of ms: the set-up is
                // taken while the host does what measures nothing, rather than in a workload's time. Only
                // this build's side: the earlier version's JVM takes no diagnostic iteration.
                measurementJvms.put(Side.THIS, MeasurementJvm.start(launcher, timeout, output, diagnostics.on()));
                jvm = measurementJvms.get(Side.THIS).info();
            }
            if (plan.needsMeasurementJvm(Side.PREVIOUS)) {
                measurementJvms.put(Side.PREVIOUS, MeasurementJvm.start(previousLauncher, timeout, output));
            }
            long before = System.nanoTime();
            beforeMeasuring.run();
            runStart += System.nanoTime() - before;
            if (measurementJvms.containsKey(Side.THIS)) {
                measurementJvms.get(Side.THIS).awaitRecorder();
            }
            Map<Side, ModeExecutors.SideJvms> sides = new EnumMap<>(Side.class);
            sides.put(Side.THIS, new ModeExecutors.SideJvms(launcher, timeout, output, clusterConnection,
                    measurementJvms.get(Side.THIS)));
            if (compares) {
                sides.put(Side.PREVIOUS, new ModeExecutors.SideJvms(previousLauncher, timeout, output,
                        clusterConnection, measurementJvms.get(Side.PREVIOUS)));
            }
            Iterations iterations = new Iterations(plan, sides);
            // One workload at a time; within a workload, its measurements in the chosen order.
            for (List<Integer> workload : plan.indicesByWorkload()) {
                long runLeft = runBudget == null ? WorkloadClock.NO_BUDGET
                        : runBudget.toNanos() - (System.nanoTime() - runStart);
                // The workload's time starts here: timing it for its batch is part of it.
                WorkloadClock clock = WorkloadClock.of(System::nanoTime,
                        plan.sampling(plan.measurements().get(workload.get(0)).workload()).maxTime(), runLeft);
                // Work too short to time runs each task several times per iteration, decided before it is
                // measured; not timed where the run's budget is already spent, as nothing of it will be measured.
                plan = iterations.replan(Batching.resolve(plan, workload,
                        clock.spent() ? null : measurementJvms.get(Side.THIS), progress));
                List<Integer> active = new ArrayList<>();
                Map<Integer, MeasuredResult> skipped = new HashMap<>();
                for (int index : workload) {
                    Measurement measurement = plan.measurements().get(index);
                    String reason = skipReason(measurement, jvm);
                    if (reason != null) {
                        progress.skipped(index + 1, plan.measurements().size(), measurement, reason);
                        skipped.put(index, MeasuredResult.skipped(measurement, reason));
                    } else {
                        active.add(index);
                    }
                }
                WorkloadSpec spec = plan.measurements().get(workload.get(0)).workload();
                // The blocks order takes no rounds, so nothing could place the rest against the deciding
                // results: it measures each result in turn, as it always did, within the budget.
                List<Set<Integer>> tiers = plan.order() == IterationOrder.BLOCKS ? List.of(Set.copyOf(active))
                        : plan.tiers(active, guard.cores());
                WorkloadSampling sampling = new WorkloadSampling(plan.sampling(spec), active,
                        references(plan, active), partners(plan, active), tiers, spec.name(), clock,
                        sample -> guard.contamination(sample) == null);
                iterations.clock = clock;
                IterationFailedException failure = null;
                try {
                    if (plan.order() == IterationOrder.BLOCKS) {
                        iterations.inBlocks(sampling);
                    } else {
                        iterations.interleaved(sampling);
                    }
                    if (diagnostics.on()) {
                        iterations.diagnose(sampling, tiers.get(0));
                    }
                } catch (IterationFailedException e) {
                    failure = e;
                } finally {
                    iterations.closeExecutors();
                    output.flush();
                }
                List<MeasuredResult> measured = measured(plan, workload, skipped, sampling, iterations,
                        failure != null);
                results.addAll(measured);
                if (!measured.isEmpty()) {
                    times.put(spec.name(), clock.time());
                    progress.workloadFinished(spec.name(), clock.time());
                }
                if (failure != null) {
                    return new RunOutcome(jvm, results, failure.getMessage(), times);
                }
            }
            return new RunOutcome(jvm, results, null, times);
        } catch (ForkException | TaskFailedException e) {
            return new RunOutcome(jvm, results, e.getMessage(), times);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunOutcome(jvm, results, "interrupted before the first iteration", times);
        } finally {
            measurementJvms.values().forEach(MeasurementJvm::close);
            output.flush();
        }
    }

    /** Per measurement of a side that has a sequential measurement among {@code active}, that sequential. */
    static Map<Integer, Integer> references(MeasurementPlan plan, List<Integer> active) {
        Map<Side, Integer> sequentials = new EnumMap<>(Side.class);
        for (int index : active) {
            Measurement measurement = plan.measurements().get(index);
            if (measurement.mode() == Mode.SEQUENTIAL) {
                sequentials.put(measurement.side(), index);
            }
        }
        Map<Integer, Integer> references = new HashMap<>();
        for (int index : active) {
            Integer sequential = sequentials.get(plan.measurements().get(index).side());
            if (sequential != null) {
                references.put(index, sequential);
            }
        }
        return references;
    }

    /** Per measurement of this build among {@code active}, the same (mode, workers) on the earlier version's side. */
    static Map<Integer, Integer> partners(MeasurementPlan plan, List<Integer> active) {
        Map<Measurement, Integer> previous = new HashMap<>();
        for (int index : active) {
            Measurement measurement = plan.measurements().get(index);
            if (measurement.side() == Side.PREVIOUS) {
                previous.put(measurement.on(Side.THIS), index);
            }
        }
        Map<Integer, Integer> partners = new HashMap<>();
        for (int index : active) {
            Integer partner = previous.get(plan.measurements().get(index));
            if (partner != null) {
                partners.put(index, partner);
            }
        }
        return partners;
    }

    /**
     * What a workload's measurements took, in plan order. After a failure, a measurement still
     * sampling keeps the iterations it finished, stopped by {@link StopReason#FAILED}; one that had
     * finished none (it failed in its warm-up, or never began) is left out, and so is the whole
     * workload when none of its measurements finished an iteration: there is nothing of it to show.
     * A measurement the budget left without an answer is not measured, with the reason: a result of
     * a few iterations would be read as if it were one. A workload that the run's budget did not
     * reach at all is kept so, every result with its reason: the report names every workload of a
     * run that ended (a run of 60 workloads under a budget that reached 15 listed those 15 alone).
     *
     * @param failed whether the workload's iterations ended in a failure
     */
    private List<MeasuredResult> measured(MeasurementPlan plan, List<Integer> workload,
                                          Map<Integer, MeasuredResult> skipped, WorkloadSampling sampling,
                                          Iterations iterations, boolean failed) {
        List<MeasuredResult> measured = new ArrayList<>();
        boolean anySamples = false;
        for (int index : workload) {
            Measurement measurement = plan.measurements().get(index);
            if (skipped.containsKey(index)) {
                measured.add(skipped.get(index));
            } else if (iterations.notLinked(index) != null) {
                measured.add(MeasuredResult.skipped(measurement, iterations.notLinked(index)));
            } else if (cutByBudget(sampling, index)) {
                // One sample has no interval: a result the budget cut after its first iteration is not
                // measured, rather than measured badly.
                String reason = notReached(plan, workload, index, sampling, iterations.clock);
                progress.skipped(index + 1, plan.measurements().size(), measurement, reason);
                measured.add(MeasuredResult.skipped(measurement, reason));
            } else if (!sampling.samples(index).isEmpty()) {
                anySamples = true;
                measured.add(new MeasuredResult(plan.measurements().get(index), sampling.samples(index), null,
                        iterations.retries(index), iterations.ended(index).startupNanos(),
                        iterations.ended(index).unsentTypes(), sampling.warmups(index),
                        sampling.pending(index) ? StopReason.FAILED : sampling.stopReason(index),
                        sampling.rounds(index), iterations.ended(index).clusterMembers(),
                        iterations.breakdown(index)));
            }
        }
        return anySamples || !failed ? measured : List.of();
    }

    /**
     * Whether the budget left the measurement without a result: not reached, or cut after one measured
     * iteration (one sample has no interval; a result is not measured rather than measured badly).
     */
    private static boolean cutByBudget(WorkloadSampling sampling, int index) {
        return sampling.has(index) && (sampling.unreached(index)
                || sampling.samples(index).size() < 2 && sampling.stopReason(index) == StopReason.MAX_TIME);
    }

    /**
     * What would measure a result the budget did not reach: "; raise maxTimeInSeconds to measure it", or,
     * where waiting for a quiet machine and iterations taken again took a quarter of the budget or more,
     * that first, since a larger budget may go the same way (a trial's burner overlapped every iteration of
     * processes ×1, taken again 20 times, and the log said only "raise").
     */
    static String toMeasureIt(WorkloadClock clock) {
        String parameter = clock.budgetSource() == null ? "maxTimeInSeconds" : clock.budgetSource();
        long lost = clock.waitedNanos() + clock.retakenNanos();
        return clock.bounded() && lost > 0 && lost >= clock.budgetNanos() / 4
                ? String.format(Locale.ROOT, "; %.1f s of it went to waiting for a quiet machine and to iterations "
                + "taken again: close other work on the machine, or raise %s to measure it", lost / 1e9, parameter)
                : "; raise " + parameter + " to measure it";
    }

    /**
     * Why a measurement has no result though it was planned: the budget went to the results that
     * decide the workload's reading; {@code not measured: the workload's 20 s (maxTimeInSeconds) went to
     * the results that decide its reading (sequential ×1, threads ×2, pool ×2)}.
     */
    private String notReached(MeasurementPlan plan, List<Integer> workload, int index, WorkloadSampling sampling,
                              WorkloadClock clock) {
        Set<Integer> deciding = plan.deciding(workload, guard.cores());
        String budget = clock.budgetDescription();
        String raise = toMeasureIt(clock);
        if (deciding.contains(index)) {
            return "not measured: the workload's " + budget + " ran out " + (sampling.samples(index).isEmpty()
                    ? "before its first measured iteration" : "after its first measured iteration, too few for an "
                    + "interval") + raise;
        }
        List<String> labels = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (int other : workload) {
            Measurement m = plan.measurements().get(other);
            if (m.side() == Side.THIS && sampling.has(other)) {
                if (deciding.contains(other)) {
                    labels.add(m.mode().id() + " ×" + m.workers());
                } else if (other != index && !sampling.samples(other).isEmpty() && !cutByBudget(sampling, other)) {
                    // The rest of the sweep starts tier by tier: the results of earlier tiers took their share.
                    // Itself and the others the budget cut are not among them: they are not measured either.
                    before.add(m.mode().id() + " ×" + m.workers());
                }
            }
        }
        return notReached(budget, sampling.samples(index).size(), sampling.rule().minIterations(), labels, before)
                + raise;
    }

    /**
     * Why a result of the rest of the sweep has no figures: {@code not measured: the workload's 60 s
     * (maxTimeInSeconds) ran out after 4 of its iterations, fewer than minIterations (6); it went to the
     * results that decide its reading (…)}. One the budget cut after some iterations says how many: the
     * trial's log read "speedup not yet known to any precision after 4 iterations … the workload's budget
     * ran out" and then "not measured", the report's reason not saying it had been sampled at all.
     *
     * @param budget the workload's budget as the log says it, {@code 60 s (maxTimeInSeconds)}
     * @param taken  its measured iterations when the budget stopped it
     * @param deciding the results that decide the reading, {@code sequential ×1}
     * @param before the rest of the sweep measured before it
     */
    static String notReached(String budget, int taken, int minIterations, List<String> deciding,
                             List<String> before) {
        String spent = "went to the results that decide its reading (" + String.join(", ", deciding) + ")"
                + (before.isEmpty() ? "" : " and to the rest of the sweep measured before it ("
                + String.join(", ", before) + ")");
        return "not measured: the workload's " + budget + (taken == 0 ? " " + spent : " ran out after " + taken + " of "
                + "its iterations, fewer than minIterations (" + minIterations + "); it " + spent);
    }

    /** Why a measurement is not taken, or null. */
    private static String skipReason(Measurement measurement, JvmInfo jvm) {
        if (jvm.featureVersion() < measurement.mode().javaRelease()) {
            return "skipped: needs Java " + measurement.mode().javaRelease() + "+ (the workload JVM is Java "
                    + jvm.version() + ")";
        }
        if (measurement.workers() > measurement.workload().tasks()) {
            // Workers past the task count would idle: the time is the same as with one per task.
            return "skipped: " + measurement.workers() + " workers for " + measurement.workload().tasks()
                    + " tasks (the extra workers would have nothing to do)";
        }
        return null;
    }

    /**
     * What the first diagnostic recording in a JVM is expected to take beside its tasks, in ns: a
     * generous guess (the flight recorder's set-up), corrected by each recording taken after it.
     */
    static final long FIRST_RECORDING_NANOS = 500_000_000L;

    /**
     * What a diagnostic recording in the measurement JVM is expected to take beside its tasks before one
     * was timed, in ns: its recorder was set up at its start, and the first recordings after that took
     * 40–90 ms beside their tasks on the 2-core VM of 2026-12-07 (the code that reads them back is not
     * yet compiled), later ones 20–40 ms.
     */
    static final long SET_UP_RECORDING_NANOS = 100_000_000L;

    /** The iterations of a plan's measurements, in blocks or interleaved. */
    private final class Iterations {
        /** The run's plan, with the batch of every workload measured so far resolved ({@link Batching}). */
        private MeasurementPlan plan;
        /** Per side, what its measurements' executors are started with. */
        private final Map<Side, ModeExecutors.SideJvms> sides;
        /**
         * The earlier version's measurements of workloads that do not link against it, with the
         * linkage error: they were dropped, and are reported not compared.
         */
        private final Map<Integer, String> notLinked = new HashMap<>();
        /** Iterations taken again, contaminated or slowed by the host, per measurement. */
        private final Map<Integer, Integer> retries = new HashMap<>();
        /** The executor of each measurement of the current workload, started at its first iteration. */
        private final Map<Integer, ModeExecutor> executors = new HashMap<>();
        /** Where the workers' time went in each measurement's diagnostic iteration, where one was taken. */
        private final Map<Integer, Breakdown> breakdowns = new HashMap<>();
        /** What each closed executor told of its measurement, kept after its JVMs are gone. */
        private final Map<Integer, Ended> ended = new HashMap<>();
        /** The current workload's time against its budget. */
        private WorkloadClock clock;
        /**
         * What starting, stopping and reading a recording took beside the tasks in the last diagnostic
         * iteration in the measurement JVM, in ns; before the first, {@link #SET_UP_RECORDING_NANOS}: the
         * measurement JVM set its recorder up when it started. The recorder's first start in a JVM loads
         * and sets up the flight recorder, later ones do not, so the last one says best what the next
         * costs (a pool's JVMs are expected to start cold): the default suite's sleep, whose iterations
         * take 65 ms, ran 0.8 s past its 4 s budget when only the iteration was counted.
         */
        private long recorderNanos = SET_UP_RECORDING_NANOS;

        Iterations(MeasurementPlan plan, Map<Side, ModeExecutors.SideJvms> sides) {
            this.plan = plan;
            this.sides = sides;
        }

        MeasurementPlan replan(MeasurementPlan resolved) {
            plan = resolved;
            return resolved;
        }

        /** Why the measurement was dropped (it does not link against the earlier version), or {@code null}. */
        String notLinked(int index) {
            return notLinked.get(index);
        }

        /** Every iteration of one measurement, then the next's, while the workload's budget lasts. */
        void inBlocks(WorkloadSampling sampling) throws IterationFailedException {
            for (int index : sampling.pending()) {
                while (sampling.has(index) && sampling.pending(index) && !reserved(sampling).outOfTime()) {
                    step(sampling, index);
                }
            }
            for (int index : sampling.stopForTime()) {
                finished(sampling, index);
            }
        }

        /**
         * One iteration of each measurement still sampling, round after round, in an order drawn
         * for each round; who stops is decided when the round is complete.
         */
        void interleaved(WorkloadSampling sampling) throws IterationFailedException {
            List<Integer> round;
            while (!(round = reserved(sampling).startRound()).isEmpty()) {
                for (int index : round) {
                    // No iteration starts once the budget is spent, even within a round: a round's
                    // first iterations in fresh JVMs or a pool's start-up can take longer than foreseen.
                    if (sampling.has(index) && !sampling.outOfTime()) {
                        step(sampling, index);
                    }
                }
                for (int index : sampling.endRound()) {
                    finished(sampling, index);
                }
            }
            for (int index : sampling.stopForTime()) {
                if (!sampling.samples(index).isEmpty()) {
                    finished(sampling, index);
                }
            }
        }

        /** The measurement's next iteration, a warm-up or a measured one, and what it told. */
        private void step(WorkloadSampling sampling, int index) throws IterationFailedException {
            Measurement measurement = plan.measurements().get(index);
            boolean warmup = sampling.warming(index);
            Sample sample;
            try {
                sample = run(index, warmup, sampling.next(index), sampling.samples(index),
                        sampling.sequentialSamples(index));
            } catch (NotLinkedException e) {
                dropPreviousSide(sampling, e.getMessage());
                return;
            }
            if (warmup) {
                sampling.warmupTaken(index, sample.wallNanos(),
                        measurement.mode().startup() == Mode.Startup.EVERY_ITERATION);
            } else {
                sampling.sampleTaken(index, sample);
                dropFirstSlowed(sampling, index, measurement);
                if (!sampling.pending(index)) {
                    finished(sampling, index);
                }
            }
        }

        /**
         * The measurement's first samples had no typical iteration to be judged against when they were
         * taken; once it has one, those the host slowed are dropped, within {@code maxRetries}, and the
         * measurement samples on in later rounds. Taking one again at once, as later iterations are,
         * would give it a second sample in this round and none beside its partner in theirs.
         */
        private void dropFirstSlowed(WorkloadSampling sampling, int index, Measurement measurement) {
            SpeedWatch watch = guard.watch(measurement, sampling.sequentialSamples(index));
            // Highest position first, so that the positions still to drop stay where they were.
            for (Map.Entry<Integer, SpeedWatch.Slowdown> first
                    : watch.firstSlowed(sampling.samples(index)).descendingMap().entrySet()) {
                if (retries(index) >= guard.maxRetries()) {
                    return;
                }
                retries.merge(index, 1, Integer::sum);
                clock.retaken(sampling.samples(index).get(first.getKey()).wallNanos());
                sampling.dropSample(index, first.getKey());
                progress.dropped(index + 1, plan.measurements().size(), measurement, first.getKey() + 1,
                        first.getValue().describe());
            }
        }

        /**
         * Takes the earlier version's measurements out of the workload, those already taken included,
         * and keeps why: the workload is not compared, and this build's side goes on alone.
         */
        private void dropPreviousSide(WorkloadSampling sampling, String reason) {
            List<Integer> dropped = new ArrayList<>();
            for (int other : sampling.measurements()) {
                Measurement measurement = plan.measurements().get(other);
                if (measurement.side() == Side.PREVIOUS) {
                    dropped.add(other);
                    notLinked.put(other, reason);
                    progress.skipped(other + 1, plan.measurements().size(), measurement, reason);
                }
            }
            sampling.drop(dropped);
        }

        private void finished(WorkloadSampling sampling, int index) {
            if (cutByBudget(sampling, index)) {
                // It has no result: its one line is the "not measured" one, with its iterations. Logging how
                // precisely it was known too told of a result the report then listed without samples.
                return;
            }
            progress.finished(index + 1, plan.measurements().size(), plan.measurements().get(index),
                    sampling.known(index), sampling.rule(), sampling.stopReason(index));
        }

        int retries(int index) {
            return retries.getOrDefault(index, 0);
        }

        /**
         * Once every measured iteration of the workload is taken, one diagnostic iteration of each of this
         * build's measurements that has samples, in the executor that measured it: the recording never
         * runs in a measured iteration. It counts against the workload's budget like everything else the
         * user waits for: the sampling left it what it is expected to take, at most a tenth
         * ({@link WorkloadClock#reserveForDiagnosis}, {@link #reserved}), and
         * each is taken only while it would end within the budget plus a tenth, the results that decide
         * the reading first (the modes at the cores before sequential: their breakdown names the lock or
         * the wait), so that a tight budget still explains the reading. A result the budget left
         * without an answer takes none; one the budget left no time for says so. A task that fails in it
         * leaves the measurement as it was, its breakdown saying why there is none. The pool's results take
         * one only with {@link Diagnostics#pool}: each of its JVMs would start a recorder of its own.
         */
        void diagnose(WorkloadSampling sampling, Set<Integer> deciding) {
            List<Integer> order = executors.keySet().stream()
                    .filter(index -> plan.measurements().get(index).side() == Side.THIS && sampling.has(index)
                            && !sampling.samples(index).isEmpty() && !cutByBudget(sampling, index)
                            && plan.measurements().get(index).mode().recordsBreakdown())
                    .sorted(Comparator.comparing((Integer index) -> !deciding.contains(index))
                            .thenComparing(index -> plan.measurements().get(index).mode() == Mode.SEQUENTIAL)
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            clock.releaseReserve();
            for (int index : order) {
                long iteration = expectedIterationNanos(sampling.samples(index));
                // A pool's JVMs start their recorders for the first time: the cold start's guess.
                boolean ownJvms = plan.measurements().get(index).mode().separateJvms();
                if (ownJvms && !diagnostics.pool()) {
                    breakdowns.put(index, new Breakdown.Unavailable(Diagnostics.POOL_OFF));
                    continue;
                }
                if (!clock.allowsDiagnosis(iteration + (ownJvms ? FIRST_RECORDING_NANOS : recorderNanos))) {
                    breakdowns.put(index, new Breakdown.Unavailable("the workload's " + clock.budgetDescription()
                            + " was spent before its diagnostic iteration"));
                    continue;
                }
                long from = System.nanoTime();
                try {
                    guarded(index, iteration + (ownJvms ? FIRST_RECORDING_NANOS : recorderNanos))
                            .ifPresent(breakdown -> breakdowns.put(index, breakdown));
                } catch (ForkException | TaskFailedException e) {
                    breakdowns.put(index, new Breakdown.Unavailable("the diagnostic iteration failed: "
                            + e.getMessage().strip()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    breakdowns.put(index, new Breakdown.Unavailable("interrupted while waiting for a quiet machine "
                            + "to take the diagnostic iteration again"));
                    return;
                }
                if (!ownJvms) {
                    recorderNanos = Math.max(0, System.nanoTime() - from - iteration);
                }
            }
        }

        /**
         * The diagnostic iteration of measurement {@code index}, with the machine's counters read around it
         * as around a measured one: where other work ran meanwhile (its shares would be that work's as much
         * as the workers': a worker queued behind it reads off the CPU), it is taken once more after
         * waiting for quiet, while the budget allows one more of {@code expectedNanos} and the guard allows
         * retakes at all; the second is kept whatever the machine did.
         */
        private Optional<Breakdown> guarded(int index, long expectedNanos)
                throws ForkException, TaskFailedException, InterruptedException {
            Measurement measurement = plan.measurements().get(index);
            ModeExecutor executor = executors.get(index);
            for (int attempt = 1; ; attempt++) {
                LoadGuard.Window window = guard.open();
                Optional<Breakdown> breakdown = executor.diagnose(diagnostics.recording(measurement));
                LoadGuard.Watched watched = guard.close(window, executor.endedJvmsCpuNanos());
                String busy = guard.contamination(new Sample(watched.windowNanos(), 0, 0, Sample.NO_STARTUP,
                        Sample.NO_GC).withInterference(guard.interference(watched, watched.windowNanos())));
                if (busy == null || attempt == 2 || guard.maxRetries() == 0 || !clock.allowsDiagnosis(expectedNanos)) {
                    return breakdown;
                }
                progress.diagnosedAgain(index + 1, plan.measurements().size(), measurement, busy);
                clock.retaken(watched.windowNanos());
                if (clock.waitLeftNanos() > 0) {
                    long waitFrom = System.nanoTime();
                    guard.waitForQuiet(clock.waitLeftNanos());
                    clock.waited(System.nanoTime() - waitFrom);
                }
            }
        }

        /**
         * The sampling, with what its diagnostic iterations are expected to take kept from its budget: one
         * per measurement of this build that has samples and records a breakdown, as {@link #diagnose}
         * expects them ({@code sampling.has} and not yet measured: nothing is known of them, and the budget
         * may never reach them). Nothing with the breakdown off: the whole budget is the sampling's.
         */
        private WorkloadSampling reserved(WorkloadSampling sampling) {
            long expected = 0;
            if (diagnostics.on()) {
                for (int index : sampling.measurements()) {
                    Measurement measurement = plan.measurements().get(index);
                    boolean ownJvms = measurement.mode().separateJvms();
                    ModeExecutor executor = executors.get(index);
                    if (measurement.side() == Side.THIS && sampling.has(index) && !sampling.samples(index).isEmpty()
                            && executor != null && measurement.mode().recordsBreakdown() && (!ownJvms || diagnostics.pool())) {
                        expected += expectedIterationNanos(sampling.samples(index))
                                + (ownJvms ? FIRST_RECORDING_NANOS : recorderNanos);
                    }
                }
            }
            clock.reserveForDiagnosis(expected);
            return sampling;
        }

        /**
         * What the tasks of a diagnostic iteration are expected to take, in ns: the measurement's median
         * iteration and the recorder's cost while they run, at most 1.14 times the iteration at the
         * 10 µs thresholds (bench/jfr_cost.py), rounded up to 1.2.
         */
        private static long expectedIterationNanos(List<Sample> samples) {
            double median = Summary.median(samples.stream().mapToDouble(Sample::wallNanos).toArray());
            return Math.round(median * 1.2);
        }

        /** The measurement's breakdown, or {@code null} where none was taken. */
        Breakdown breakdown(int index) {
            return breakdowns.get(index);
        }

        /** What the measurement's executor told when it closed; nothing for one that never started. */
        Ended ended(int index) {
            return ended.getOrDefault(index, Ended.NOTHING);
        }

        /**
         * Ends the current workload's executors, keeping what they told: they live as long as its
         * measurements, not longer (a pool's or a cluster's JVMs end here).
         */
        void closeExecutors() {
            executors.forEach((index, executor) -> {
                ended.put(index, new Ended(executor.startupNanos(), executor.clusterMembers(),
                        List.copyOf(new TreeSet<>(executor.unsentTypes()))));
                executor.close();
            });
            executors.clear();
        }

        /** The measurement's executor, started on its side's JVMs at its first iteration. */
        private ModeExecutor executor(int index, Measurement measurement) throws ForkException, TaskFailedException {
            ModeExecutor executor = executors.get(index);
            if (executor == null) {
                executor = MeasurementRunner.this.executors.start(sides.get(measurement.side()),
                        measurement.workload(), measurement.mode(), measurement.workers());
                executors.put(index, executor);
            }
            return executor;
        }

        /**
         * One iteration; a measured one that other work disturbed is taken again, once the machine is
         * quiet, and one the host ran slower than the measurement's {@code earlier} samples, at once,
         * up to maxRetries per measurement. Warm-ups are not: they are not kept.
         *
         * @param sequential the samples of the same work run sequentially so far, for the watch on the
         *                   host's speed ({@link SpeedWatch#against})
         */
        private Sample run(int index, boolean warmup, int number, List<Sample> earlier, List<Sample> sequential)
                throws IterationFailedException {
            Measurement measurement = plan.measurements().get(index);
            int total = plan.measurements().size();
            // The workload's own rule: a workload with its own targetPrecision is sampled to it, not the run's.
            Sampling sampling = plan.sampling(measurement.workload());
            progress.iteration(index + 1, total, measurement, warmup, number, sampling);
            String which = (warmup ? "warm-up " : "iteration ") + number
                    + (sampling.fixed() ? "/" + sampling.most(warmup) : "");
            Sample first = iteration(index, measurement, which);
            if (warmup) {
                return first;
            }
            SpeedWatch watch = guard.watch(measurement, sequential);
            try {
                return guard.kept(first, earlier, watch, guard.maxRetries() - retries(index), clock,
                        (reason, contaminated) -> {
                    retries.merge(index, 1, Integer::sum);
                    if (contaminated) {
                        progress.retried(index + 1, total, measurement, number, reason);
                    } else {
                        progress.slowed(index + 1, total, measurement, number, reason);
                    }
                    return iteration(index, measurement, which);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IterationFailedException("interrupted while waiting for a quiet machine", e);
            }
        }

        /**
         * Runs one iteration in a {@link LoadGuard#open window} of the machine's counters, set-up,
         * dispatch and draining output included, with the JVMs that start and end inside it (the
         * processes mode's workers) counted as the build's, as their executor tells
         * ({@link ModeExecutor#endedJvmsCpuNanos()}). The output drained meanwhile is counted too, so
         * that a slowdown it may cause is said to be the plugin's.
         */
        private Sample iteration(int index, Measurement measurement, String which) throws IterationFailedException {
            try {
                ModeExecutor executor = executor(index, measurement);
                LoadGuard.Window window = guard.open();
                long drainedBefore = OutputDrain.bytes();
                Sample sample = executor.runIteration();
                long drained = OutputDrain.bytes() - drainedBefore;
                LoadGuard.Watched watched = guard.close(window, executor.endedJvmsCpuNanos());
                return sample.withOutputBytes(drained).withInterference(guard.interference(watched, sample.wallNanos()));
            } catch (TaskFailedException e) {
                if (measurement.side() == Side.PREVIOUS && e.linkageError() != null) {
                    throw new NotLinkedException(notLinkedReason(e));
                }
                throw failed(measurement, which, e);
            } catch (ForkException e) {
                throw failed(measurement, which, e);
            }
        }

        private IterationFailedException failed(Measurement measurement, String which, Exception e) {
            return new IterationFailedException("workload " + measurement.workload().name() + ", mode "
                    + measurement.mode().id() + " ×" + measurement.workers()
                    + (measurement.side() == Side.PREVIOUS ? " on " + plan.compareWith().artifact() : "") + ", "
                    + which + " failed: " + e.getMessage(), e);
        }

        /** {@code does not link against 1.0: task 0 threw java.lang.NoSuchMethodError: …}, the first line of the failure. */
        private String notLinkedReason(TaskFailedException e) {
            String message = e.getMessage().strip();
            int end = message.indexOf('\n');
            return "does not link against " + plan.compareWith().version() + ": "
                    + (end < 0 ? message : message.substring(0, end).strip());
        }
    }

    /**
     * What a measurement's executor told when it was closed.
     *
     * @param startupNanos   what starting its JVMs took once, or {@link Sample#NO_STARTUP}
     * @param clusterMembers the cluster it ran on, or {@link ClusterMembers#NONE}
     * @param unsentTypes    classes of results that stayed in its workers, sorted
     */
    private record Ended(long startupNanos, ClusterMembers clusterMembers, List<String> unsentTypes) {
        static final Ended NOTHING = new Ended(Sample.NO_STARTUP, ClusterMembers.NONE, List.of());
    }

    private static class IterationFailedException extends Exception {
        IterationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The earlier version's side of a workload does not link against it; the message says why. */
    private static final class NotLinkedException extends IterationFailedException {
        NotLinkedException(String reason) {
            super(reason, null);
        }
    }
}
