package io.github.speedup.analysis;

import io.github.speedup.plan.MeasurementPlan;
import io.github.speedup.plan.Sampling;
import io.github.speedup.plan.StopReason;
import io.github.speedup.execution.Mode;
import io.github.speedup.report.Diagnosis;
import io.github.speedup.stats.Interval;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.SampleReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Reads a workload's results the way the classic lesson does: work that waits gains from
 * threads past the core count (I/O-bound); work that computes gains up to the core count
 * (CPU-bound); work that serialises on a lock gains nothing from threads but does from
 * processes (lock-bound, the GIL pattern); work that allocates spends its time in the shared
 * heap's collector, which separate heaps avoid (memory/GC-bound). When the evidence is unstable
 * or points several ways, it says so rather than guess. A result measured while other work ran, or
 * one that varies too much, leaves the reading and says so in one line, unless the reading needs it
 * ({@link #deciding}): then no pattern is read, and the reading names what it missed.
 */
final class Diagnoser {

    /** Below this CPU utilisation a sequential run is mostly waiting. */
    static final double WAITING_UTILISATION = 0.3;
    /** At or above this a sequential run is computing. */
    static final double COMPUTING_UTILISATION = 0.7;
    /** Above this share of its time in the collector, a run is GC-bound. */
    static final double GC_BOUND_SHARE = 0.2;
    /** Threads that stay below this speedup have not parallelised. */
    static final double NO_GAIN = 1.3;
    /** CPU-bound work reaches at least this share of the ideal speedup at the core count. */
    static final double SCALES_TO_CORES = 0.6;
    /** What to do about results that vary too much while other work ran, or where no probe could tell. */
    private static final String MEASURE_AGAIN = "Close other work on the machine, or %s, and measure again.";
    /**
     * What to do about results that vary too much with no other work seen on the machine: the work
     * varies by itself (its own output, which Maven's JVM drains on a core the work needs; its
     * allocation; its I/O), and closing other work would not help. A workload writing 100 MiB per
     * iteration read "Close other work" while the probes saw none.
     */
    private static final String VARIES_BY_ITSELF = "No other work was seen on the machine while %s: the work "
            + "varies by itself (what it writes to its output, allocates or reads). %s, or make each iteration "
            + "longer, and measure again.";
    /** More samples where sampling is adaptive: the bounds it stops at. */
    private static final String MORE_SAMPLES = "raise maxTimeInSeconds and maxIterations";
    /**
     * More samples where {@code iterations} fixes the count: maxTimeInSeconds and maxIterations are not
     * used then, and the trial's POMs with {@code <iterations>} were told to raise them.
     */
    private static final String MORE_FIXED = "raise iterations, which fixes the count here (or remove it to sample "
            + "until targetPrecision)";
    /** A sample saw other work where other processes used this many cores during it: the default maxForeignLoad. */
    private static final double OTHER_WORK_CORES = 0.10;

    private Diagnoser() {
    }

    static Diagnosis diagnose(List<ResultReport> results, int cores) {
        Optional<ResultReport> sequential = measured(results, Mode.SEQUENTIAL).findFirst();
        if (sequential.isEmpty()) {
            return new Diagnosis(Pattern.NOT_MEASURED, "The sequential baseline was not measured, so there is nothing "
                    + "to compare with.", "Run again with the sequential mode.", "", null);
        }
        if (results.stream().noneMatch(r -> !r.isSkipped() && r.mode() != Mode.SEQUENTIAL)) {
            return new Diagnosis(Pattern.NOT_MEASURED, "Only the sequential baseline was measured, so there is no "
                    + "other mode to compare it with.", "Measure other modes too: list them in modes (threads, "
                    + "virtual, processes, pool), or leave modes unset for every default one.", "",
                    Recommender.choice(results));
        }
        List<ResultReport> deciding = deciding(results, cores);
        List<ResultReport> leftOut = leftOut(results, deciding);
        String leftOutLine = leftOut(leftOut);
        List<ResultReport> busy = deciding.stream().filter(ResultReport::isContaminated).toList();
        if (!busy.isEmpty()) {
            return new Diagnosis(Pattern.CONTAMINATED, "No pattern can be read: " + needsBusy(busy)
                    + " Measure again on a quiet machine.", "None: " + labels(busy) + ", which the reading needs, "
                    + (busy.size() == 1 ? "was" : "were") + " measured while other work ran. Measure again when "
                    + "other work does not compete for the cores.", leftOutLine, null);
        }
        List<ResultReport> kept = results.stream().filter(r -> !leftOut.contains(r)).toList();
        Optional<ResultReport> chosen = Recommender.recommended(results);
        Evidence evidence = new Evidence(kept, sequential.get(), cores, chosen);
        String recommendation = recommend(results, chosen, sequential.get());
        // Memory before I/O: a thread stopped for a collection is off its CPU as a waiting one is,
        // and a collector that takes much of the time is the cause, not waiting. And before the
        // instability check when separate JVMs' speedup interval lies wholly above threads': a
        // collector makes every iteration's time vary by how much it found to do (10-15% on a 2-core
        // VM), and a conclusion that the intervals, which carry that variation, already separate
        // stands, said to be tentative.
        Optional<Reading> memory = memoryBound(evidence);
        Reading reading = memory.filter(r -> separated(evidence))
                .or(() -> unstable(evidence))
                .or(() -> memory)
                .or(() -> ioBound(evidence))
                .or(() -> lockBound(evidence))
                .or(() -> cpuBound(evidence))
                .orElseGet(() -> mixed(evidence));
        return new Diagnosis(reading.pattern(), reading.evidence() + priceOfProcesses(evidence)
                + priceOfCluster(evidence), recommendation, leftOutLine,
                chosen.map(Recommender::choiceOf).orElse(null));
    }

    /**
     * The results a reading and a recommendation rest on: sequential; each in-JVM mode at the
     * core count (where a mode was not measured there, at its most workers below it, else at its
     * fewest above); and the one separate-JVM result (processes or pool) that is fastest on paper:
     * the lesson of separate JVMs is read from the best of them, and fresh processes, which pay a
     * JVM's start-up in every iteration, rarely are it where a warm pool was measured. A
     * flagged result outside these leaves the reading; one of these cannot, since the lesson
     * (threads against the cores, separate JVMs against threads) is read from them.
     */
    static List<ResultReport> deciding(List<ResultReport> results, int cores) {
        List<ResultReport> deciding = new ArrayList<>();
        for (ResultReport result : results) {
            if (!result.isSkipped() && result.mode().inJvm() && result.workers() == MeasurementPlan.atTheCores(
                    measured(results, result.mode()).map(ResultReport::workers).toList(), cores)) {
                deciding.add(result);
            }
        }
        best(results, Mode.PROCESSES, Mode.POOL).filter(r -> !deciding.contains(r)).ifPresent(deciding::add);
        return deciding;
    }

    /** "threads ×2, and other work ran while it was measured (…)." naming each busy result's reason. */
    private static String needsBusy(List<ResultReport> busy) {
        String reasons = busy.size() == 1 ? busy.get(0).contaminationReason() : busy.stream()
                .map(r -> r.label() + ": " + r.contaminationReason()).collect(Collectors.joining("; "));
        return "the reading needs " + labels(busy) + ", and other work ran while " + (busy.size() == 1 ? "it was"
                : "they were") + " measured (" + reasons + ").";
    }

    /** The flagged results outside those the reading rests on: left out of it. */
    private static List<ResultReport> leftOut(List<ResultReport> results, List<ResultReport> deciding) {
        return results.stream().filter(r -> !r.isSkipped() && !deciding.contains(r)
                && (r.isContaminated() || r.isUnstable())).toList();
    }

    /**
     * The reading's line on the results it was made without, as {@link #diagnose} says it: for a report
     * read back, whose reading is restored as written and whose results' flags this line follows.
     */
    static String leftOutLine(List<ResultReport> results, int cores) {
        return measured(results, Mode.SEQUENTIAL).findFirst().isEmpty() ? ""
                : leftOut(leftOut(results, deciding(results, cores)));
    }

    /**
     * The one line that names the results the reading and the recommendation were made without,
     * and why; empty when none was left out.
     */
    private static String leftOut(List<ResultReport> leftOut) {
        if (leftOut.isEmpty()) {
            return "";
        }
        return "Left out of the reading: " + leftOut.stream().map(r -> r.label() + " (" + (r.isContaminated()
                ? "busy machine: " + r.contaminationReason() : "unstable: " + r.unstableReason()) + ")")
                .collect(Collectors.joining("; ")) + ".";
    }

    /** "sequential ×1", "sequential ×1 and threads ×2", "a, b and c". */
    private static String labels(List<ResultReport> results) {
        List<String> labels = results.stream().map(ResultReport::label).toList();
        return labels.size() == 1 ? labels.get(0) : String.join(", ", labels.subList(0, labels.size() - 1))
                + " and " + labels.get(labels.size() - 1);
    }

    /**
     * What every pattern reads from: the results the reading kept, the sequential baseline and the
     * best parallel results; {@code processes} is the best of separate JVMs, fresh or pooled.
     */
    private record Evidence(List<ResultReport> results, ResultReport sequential, int cores,
                            Optional<ResultReport> threads, Optional<ResultReport> processes, List<String> unstable) {

        /**
         * The separate JVMs' evidence is the recommended result where it is one of them: a reading that
         * cited pool ×4 at 1.93× (short of its target) beside a recommendation of pool ×2 at 1.88× told
         * two numbers for one comparison. Else the fastest of them on paper.
         */
        Evidence(List<ResultReport> results, ResultReport sequential, int cores, Optional<ResultReport> chosen) {
            this(results, sequential, cores, best(results, Mode.THREADS),
                    chosen.filter(r -> results.contains(r) && (r.mode() == Mode.PROCESSES || r.mode() == Mode.POOL))
                            .or(() -> best(results, Mode.PROCESSES, Mode.POOL)),
                    results.stream().filter(ResultReport::isUnstable).map(ResultReport::label).toList());
        }

        double utilisation() {
            return sequential.cpuUtilisation();
        }

        double gcShare() {
            return Double.isNaN(sequential.gcMs()) ? 0 : sequential.gcMs() / sequential.wallMs().median();
        }

        /** Appended to a reading when some results are unstable. */
        String caveat() {
            return unstable.isEmpty() ? "" : " Some results are unstable (" + String.join(", ", unstable)
                    + "), so this reading is tentative.";
        }

        /** Threads at the core count, or at the most workers measured below it. */
        ResultReport threadsAtCores() {
            return measured(results, Mode.THREADS).filter(r -> r.workers() <= cores)
                    .max(Comparator.comparingInt(ResultReport::workers)).orElse(threads.orElseThrow());
        }
    }

    /** A pattern and the evidence for it; the recommendation and what was left out are the workload's. */
    private record Reading(Pattern pattern, String evidence) {
    }

    /**
     * No pattern where threads at the core count vary too much for their speedup interval to settle
     * the reading: read through that noise, the work could be lock-bound or CPU-bound (memory-bound,
     * whose separated intervals carry that noise, is read before this). Threads that vary but whose
     * interval lies wholly on one side of each speedup the reading turns on ({@link #settles}) leave
     * the reading tentative, not unread. Sequential varying is no reason by itself where threads'
     * speedup is taken per round against sequential's iteration of the same round, as the runner
     * measures: its interval carries sequential's variation (Commons CSV's parse varied by a CV of 0.2 from its own collections on a
     * quiet VM, while threads ×2 read 1.75–1.92×, and the reading had said no pattern could be read).
     */
    private static Optional<Reading> unstable(Evidence e) {
        Optional<ResultReport> threads = e.threads().map(t -> e.threadsAtCores());
        boolean paired = threads.map(ResultReport::pairedSpeedup).orElse(false);
        List<ResultReport> needed = Stream.concat(Stream.of(e.sequential()).filter(s -> !paired), threads.stream()
                .filter(t -> !settles(t, e.cores()))).filter(ResultReport::isUnstable).toList();
        if (needed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Pattern.MIXED, format("No pattern can be read: the reading needs %s, and %s "
                + "too much between iterations (sequential CPU utilisation %s). %s", labels(needed),
                needed.size() == 1 ? "it varies" : "they vary", percent(e.utilisation()), measureAgain(needed))));
    }

    /**
     * Whether threads' speedup interval decides the reading although they vary: it rests on at least
     * {@value Sampling#DEFAULT_MIN_ITERATIONS} iterations and holds none of the speedups the reading turns on,
     * {@value #NO_GAIN} (lock-bound below) and {@value #SCALES_TO_CORES} of the ideal (CPU-bound from).
     */
    static boolean settles(ResultReport threads, int cores) {
        Interval interval = threads.speedupInterval();
        if (!interval.defined() || threads.samples().size() < Sampling.DEFAULT_MIN_ITERATIONS) {
            return false;
        }
        double scales = SCALES_TO_CORES * Math.min(threads.workers(), cores);
        return DoubleStream.of(NO_GAIN, scales).noneMatch(turn -> interval.low() <= turn && turn <= interval.high());
    }

    /**
     * The advice for results that vary too much: close other work where it was seen (or no probe could
     * tell), and otherwise say that the work varies by itself.
     */
    private static String measureAgain(List<ResultReport> varying) {
        List<SampleReport> samples = varying.stream().flatMap(r -> r.samples().stream()).toList();
        boolean probed = !samples.isEmpty() && samples.stream().allMatch(s -> !Double.isNaN(s.foreignCpuMs()));
        boolean otherWork = samples.stream().anyMatch(s -> s.foreignCpuMs() >= OTHER_WORK_CORES * s.wallMs());
        String more = varying.stream().allMatch(r -> r.stopReason() == StopReason.FIXED) ? MORE_FIXED : MORE_SAMPLES;
        return probed && !otherWork ? format(VARIES_BY_ITSELF, varying.size() == 1 ? "it ran" : "they ran",
                capitalised(more)) : format(MEASURE_AGAIN, more);
    }

    private static Optional<Reading> ioBound(Evidence e) {
        if (e.utilisation() >= WAITING_UTILISATION) {
            return Optional.empty();
        }
        String scaling = e.threads().map(t -> format(" and threads ×%d reach %s×%s", t.workers(), ratio(t.speedup()),
                t.workers() > e.cores() ? format(", past the %d cores", e.cores()) : "")).orElse("");
        return Optional.of(new Reading(Pattern.IO_BOUND, format("I/O-bound: the sequential run keeps a core busy only "
                + "%s of the time (it waits)%s. Waiting work overlaps on any number of threads, beyond the core count.",
                percent(e.utilisation()), scaling) + e.caveat()));
    }

    private static Optional<Reading> memoryBound(Evidence e) {
        if (e.gcShare() <= GC_BOUND_SHARE || e.processes().isEmpty() || e.threads().isEmpty()
                || e.processes().get().speedup() <= e.threads().get().speedup()) {
            return Optional.empty();
        }
        ResultReport processes = e.processes().get();
        ResultReport threads = e.threads().get();
        return Optional.of(new Reading(Pattern.MEMORY_BOUND, format("Memory/GC-bound: the sequential run spends %s of "
                + "its time in garbage collection, and %s (%s) beat threads ×%d (%s): separate heaps "
                + "collect separately, one shared heap collects for everyone.", percent(e.gcShare()),
                processes.label(), known(processes), threads.workers(), known(threads))
                + BreakdownText.allocation(threads).map(site -> " Where: " + site + ".").orElse("")
                + e.caveat()));
    }

    /**
     * "1.62× ±8.1%": a speedup and the half-width of its 95% interval, where it has one. A collector's
     * work varies from one iteration to the next by what it finds alive, so a memory-bound reading says
     * how precisely that noise let its two speedups be known.
     */
    private static String known(ResultReport result) {
        Interval interval = result.speedupInterval();
        return ratio(result.speedup()) + "×" + (interval.defined() ? " " + Figures.precision(
                (interval.high() - interval.low()) / 2 / result.speedup()) : "");
    }

    /** Whether separate JVMs' speedup interval lies wholly above threads'. */
    private static boolean separated(Evidence e) {
        return e.processes().isPresent() && e.threads().isPresent()
                && e.processes().get().speedupInterval().defined() && e.threads().get().speedupInterval().defined()
                && e.processes().get().speedupInterval().low() > e.threads().get().speedupInterval().high();
    }

    private static Optional<Reading> lockBound(Evidence e) {
        if (e.utilisation() < COMPUTING_UTILISATION || e.threads().isEmpty() || e.threads().get().speedup() >= NO_GAIN) {
            return Optional.empty();
        }
        ResultReport threads = e.threadsAtCores();
        String processEvidence = e.processes().map(p -> p.speedup() > e.threads().get().speedup() * 1.1
                ? format(", while %s reaches %s×: each process has its own lock (the GIL pattern)", p.label(),
                        ratio(p.speedup()))
                : format(", and separate JVMs do not gain either: %s reaches %s×%s", p.label(), ratio(p.speedup()),
                        p.mode() == Mode.PROCESSES ? format(", with %s ms of start-up in every run",
                                Figures.ms(p.startupMs())) : ""))
                .orElseGet(() -> separateJvmsUnknown(e.results()));
        return Optional.of(new Reading(Pattern.LOCK_BOUND, format("Lock-bound: the work computes (CPU utilisation %s) "
                + "yet threads gain nothing: threads ×%d run at %s× with %s cores busy%s.", percent(e.utilisation()),
                threads.workers(), ratio(threads.speedup()), ratio(threads.cpuUtilisation()), processEvidence)
                + BreakdownText.lock(threads).map(lock -> " The lock: " + lock + ".").orElse("")
                + e.caveat()));
    }

    /**
     * What a lock-bound reading says where no separate JVMs were read: it cites only what was measured.
     * The trial's reading said "processes do not gain either at this size (their start-up outweighs the
     * work)" of processes the budget had left not measured. Threads that gain nothing on computing work
     * carry the reading; whether separate JVMs, each with its own lock, would gain is then not known,
     * and the results that would tell are named with why they have no figures.
     */
    private static String separateJvmsUnknown(List<ResultReport> results) {
        List<ResultReport> skipped = results.stream().filter(r -> r.isSkipped()
                && (r.mode() == Mode.PROCESSES || r.mode() == Mode.POOL)).toList();
        if (skipped.isEmpty()) {
            return "; whether separate JVMs, each with its own lock, would gain is not known: none was read";
        }
        List<String> reasons = skipped.stream().map(ResultReport::skippedReason).distinct().toList();
        return "; whether separate JVMs, each with its own lock, would gain is not known: " + (reasons.size() == 1
                ? labels(skipped) + " " + (skipped.size() == 1 ? "has" : "have") + " no figures (" + reasons.get(0)
                + ")" : skipped.stream().map(r -> r.label() + " (" + r.skippedReason() + ")")
                .collect(Collectors.joining(", ")) + " have no figures");
    }

    private static Optional<Reading> cpuBound(Evidence e) {
        if (e.utilisation() < COMPUTING_UTILISATION || e.threads().isEmpty()) {
            return Optional.empty();
        }
        ResultReport threads = e.threadsAtCores();
        double ideal = Math.min(threads.workers(), e.cores());
        if (threads.speedup() < SCALES_TO_CORES * ideal) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Pattern.CPU_BOUND, format("CPU-bound: the sequential run computes (CPU "
                + "utilisation %s) and threads ×%d reach %s× of an ideal %s×. Compute scales up to the %d cores and no "
                + "further.", percent(e.utilisation()), threads.workers(), ratio(threads.speedup()), ratio(ideal),
                e.cores()) + e.caveat()));
    }

    /**
     * What separate JVMs pay, told apart with their numbers: fresh processes pay start-up in every
     * run, a warm pool pays it once and then communication per iteration.
     */
    private static String priceOfProcesses(Evidence e) {
        Optional<ResultReport> pool = best(e.results(), Mode.POOL);
        if (pool.isEmpty()) {
            return "";
        }
        ResultReport p = pool.get();
        String fresh = best(e.results(), Mode.PROCESSES).map(f -> format("; fresh processes ×%d %s×, with %s ms of "
                + "start-up in every run", f.workers(), ratio(f.speedup()), Figures.ms(f.startupMs()))).orElse("");
        String ipc = format(" A warm pool of %d JVMs reaches %s× (%s ms to start them, once)%s. Its communication "
                + "(dispatch, transfer, collecting results) costs %s ms of each %s ms iteration%s.", p.workers(),
                ratio(p.speedup()), Figures.ms(p.separateJvms().poolStartupMs()), fresh, Figures.ms(p.ipcMs()),
                Figures.ms(p.wallMs().median()), moving(p));
        return e.threads().filter(t -> t.workers() == p.workers() && t.speedup() > p.speedup() * 1.1
                        && p.ipcMs() > 0.1 * p.wallMs().median())
                .map(t -> ipc + format(" Threads ×%d (%s×) beat it by about that cost: the pool is bound by "
                        + "communication here.", t.workers(), ratio(t.speedup())))
                .orElse(ipc);
    }

    /**
     * What distributing costs, where a cluster was measured: its one-time forming, and per iteration
     * the time that was not the tasks' compute (serialisation, the network, the executor). That
     * overhead stays about the same when each task computes more, so the cluster gains over
     * sequential from about {@code S × overhead / (S − compute)} ms of sequential work per
     * iteration, S being the sequential median and compute the cluster's critical path.
     */
    private static String priceOfCluster(Evidence e) {
        Optional<ResultReport> cluster = best(e.results(), Mode.CLUSTER);
        if (cluster.isEmpty() || !cluster.get().hasIpc()) {
            return "";
        }
        ResultReport c = cluster.get();
        double sequentialMs = e.sequential().wallMs().median();
        double computeMs = c.wallMs().median() - c.ipcMs();
        String pays = sequentialMs > computeMs ? format(" Distributing pays here from about %s ms of sequential "
                + "work per iteration (this workload has %s ms).", Figures.ms(sequentialMs * c.ipcMs()
                / (sequentialMs - computeMs)), Figures.ms(sequentialMs)) : "";
        return format(" A %d-member cluster on this machine reaches %s× (%s ms to form it and connect its client, "
                + "once): %s ms of each %s ms iteration is serialisation and network%s.", c.workers(),
                ratio(c.speedup()), Figures.ms(c.separateJvms().clusterStartupMs()), Figures.ms(c.ipcMs()), Figures.ms(c.wallMs().median()),
                moving(c)) + pays;
    }

    /** What an iteration moved at most, each way where the report tells them apart; "" if nothing. */
    private static String moving(ResultReport r) {
        if (r.movedBytes() <= 0) {
            return "";
        }
        return ", moving " + (r.inputBytes() < 0 ? Figures.bytes(r.movedBytes()) + " of inputs and results"
                : Figures.eachWay(r.inputBytes(), r.resultBytes()));
    }

    private static Reading mixed(Evidence e) {
        return new Reading(Pattern.MIXED, format("The evidence is mixed: CPU utilisation %s, best threads %s, best "
                + "separate JVMs %s, GC share %s; no single limit explains it.", percent(e.utilisation()),
                e.threads().map(t -> ratio(t.speedup()) + "× at ×" + t.workers()).orElse("not measured"),
                e.processes().map(p -> ratio(p.speedup()) + "× (" + p.label() + ")").orElse("not measured"),
                percent(e.gcShare())) + e.caveat());
    }

    /**
     * The recommendation says {@link Recommender#recommended}'s choice: the fewest workers whose speedup
     * cannot be told apart from the fastest believable one, never an unstable result or one measured
     * while other work ran; and where that names nothing, says why rather than name a mode.
     */
    private static String recommend(List<ResultReport> results, Optional<ResultReport> chosen,
                                    ResultReport sequential) {
        List<ResultReport> unstable = results.stream().filter(r -> !r.isSkipped() && r.isUnstable()
                && r.mode() != Mode.SEQUENTIAL).toList();
        if (chosen.isEmpty()) {
            return sequential.isUnstable() && results.stream().noneMatch(ResultReport::pairedSpeedup)
                    ? format("None: sequential, the baseline of every speedup, varies too much between iterations "
                    + "(%s) to name a mode. %s", sequential.unstableReason(), measureAgain(List.of(sequential)))
                    : results.stream().anyMatch(r -> !r.isSkipped() && !r.isUnstable() && !r.isContaminated()
                    && r.mode() != Mode.SEQUENTIAL)
                    ? format("None: the results that look faster than sequential (%s) vary too much between "
                    + "iterations to recommend, and the steady ones are not faster. %s", unstable.stream()
                    .filter(r -> r.speedup() >= Recommender.NOT_FASTER).map(ResultReport::label)
                    .collect(Collectors.joining(", ")), measureAgain(unstable))
                    : format("None: every parallel result (%s) varies too much between iterations to recommend. %s",
                    unstable.stream().map(ResultReport::label).collect(Collectors.joining(", ")), measureAgain(unstable));
        }
        ResultReport best = chosen.get();
        String doubtful = unstable.stream().filter(r -> r.speedup() > best.speedup())
                .map(r -> format("%s (%s×)", r.label(), ratio(r.speedup()))).collect(Collectors.joining(", "));
        String notRecommended = doubtful.isEmpty() ? "" : " Faster on paper, but varying too much between iterations "
                + "to recommend: " + doubtful + ".";
        if (best.mode() == Mode.SEQUENTIAL) {
            return "Keep it sequential: no mode measured here is measurably faster." + notRecommended;
        }
        ResultReport fastest = Recommender.believed(results).stream()
                .max(Comparator.comparingDouble(ResultReport::speedup)).orElseThrow();
        String fewer = fastest == best ? "" : format(" %s reaches %s×%s: %s, with %d workers.",
                capitalised(fastest.label()), ratio(fastest.speedup()), interval(fastest),
                Recommender.overlap(best.speedupInterval(), fastest.speedupInterval()) ? "not measurably faster"
                        : "less than 5% faster", fastest.workers());
        String cost = switch (best.mode()) {
            case PROCESSES -> format("It costs %s ms of JVM start-up in every run and %s of memory against %s "
                    + "sequentially.", Figures.ms(best.startupMs()), Figures.bytes(best.peakMemoryBytes()),
                    Figures.bytes(sequential.peakMemoryBytes()));
            case POOL -> format("Keep the JVMs warm and send them work (as Surefire's reuseForks=true does): it "
                    + "costs %s ms once to start them, %s ms of communication per iteration and %s of memory against "
                    + "%s sequentially.", Figures.ms(best.separateJvms().poolStartupMs()), Figures.ms(best.ipcMs()),
                    Figures.bytes(best.peakMemoryBytes()), Figures.bytes(sequential.peakMemoryBytes()));
            case CLUSTER -> format("Distribute it over the cluster's %d members: it costs %s ms once to form the "
                    + "cluster, %s ms of serialisation and network per iteration and %s of memory against %s "
                    + "sequentially.", best.workers(), Figures.ms(best.separateJvms().clusterStartupMs()), Figures.ms(best.ipcMs()),
                    Figures.bytes(best.peakMemoryBytes()), Figures.bytes(sequential.peakMemoryBytes()));
            case VIRTUAL -> "Virtual threads cost little memory each; they need Java 21+.";
            default -> format("The threads share one heap (peak %s).", Figures.bytes(best.peakMemoryBytes()));
        };
        String varies = !best.isUnstable() ? "" : Recommender.clearlyAboveTheSteady(best, results)
                ? format(" It varies between iterations (%s), but its whole interval lies above every steadier "
                + "result's.", best.unstableReason())
                : format(" It varies between iterations (%s).", best.unstableReason());
        return format("Use %s with %d workers: %s× faster than sequential%s.%s%s %s", best.mode().id(), best.workers(),
                ratio(best.speedup()), interval(best), varies, fewer, cost) + notRecommended;
    }

    private static String interval(ResultReport result) {
        // An interval over too few pairs for 95% says what it covers (Figures#percentBelow95).
        String coverage = Figures.percentBelow95(result.speedupInterval());
        return result.speedupInterval().defined() ? format(" (%s interval %s–%s)",
                coverage.isEmpty() ? "95%" : coverage,
                ratio(result.speedupInterval().low()), ratio(result.speedupInterval().high())) : "";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Stream<ResultReport> measured(List<ResultReport> results, Mode mode) {
        return results.stream().filter(r -> !r.isSkipped() && r.mode() == mode);
    }

    /**
     * The result of these modes a reading cites: of those as good as the fastest ({@link Recommender#asGoodAs}),
     * the fewest workers, as a recommendation picks (a demo's reading cited "a warm pool of 4 JVMs reaches
     * 1.80×" where pool ×2 reached 1.80× with half the start-up).
     */
    private static Optional<ResultReport> best(List<ResultReport> results, Mode... modes) {
        List<ResultReport> measured = Stream.of(modes).flatMap(mode -> measured(results, mode)).toList();
        return measured.stream().max(Comparator.comparingDouble(ResultReport::speedup))
                .flatMap(fastest -> measured.stream().filter(r -> Recommender.asGoodAs(r, fastest))
                        .min(Comparator.comparingInt(ResultReport::workers)
                                .thenComparing(Comparator.comparingDouble(ResultReport::speedup).reversed())));
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String ratio(double value) {
        return Figures.ratio(value);
    }

    private static String percent(double fraction) {
        return Figures.percent(fraction);
    }
}
