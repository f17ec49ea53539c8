package io.github.speedup.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a workload's results the way the classic lesson does: work that waits gains from
 * threads past the core count (I/O-bound); work that computes gains up to the core count
 * (CPU-bound); work that serialises on a lock gains nothing from threads but does from
 * processes (lock-bound, the GIL pattern); work that allocates spends its time in the shared
 * heap's collector, which separate heaps avoid (memory/GC-bound). When the evidence is unstable
 * or points several ways, it says so rather than guess.
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

    private Diagnoser() {
    }

    static Diagnosis diagnose(List<ResultReport> results, int cores) {
        Optional<ResultReport> sequential = measured(results, "sequential").findFirst();
        if (sequential.isEmpty()) {
            return new Diagnosis("not-measured", "The sequential baseline was not measured, so there is nothing to "
                    + "compare with.", "Run again with the sequential mode.");
        }
        ResultReport seq = sequential.get();
        Optional<ResultReport> threads = best(results, "threads");
        Optional<ResultReport> processes = best(results, "processes");
        String recommendation = recommend(results, seq);
        List<String> unstable = results.stream().filter(ResultReport::isUnstable).map(ResultReport::label).toList();
        String caveat = unstable.isEmpty() ? "" : " Some results are unstable (" + String.join(", ", unstable)
                + "), so this reading is tentative.";
        double utilisation = seq.cpuUtilisation();
        double gcShare = Double.isNaN(seq.gcMs()) ? 0 : seq.gcMs() / seq.wallMs().median();
        if (unstable.contains(seq.label()) || threads.map(ResultReport::isUnstable).orElse(false)) {
            return new Diagnosis("mixed", f("The evidence is unstable: %s vary too much between iterations to read "
                    + "a pattern (sequential CPU utilisation %s).", String.join(", ", unstable), pct(utilisation))
                    + " Close other work on the machine or raise iterations, and measure again.", recommendation);
        }
        if (utilisation < WAITING_UTILISATION) {
            String scaling = threads.map(t -> f(" and threads ×%d reach %s×%s", t.workers(), r(t.speedup()),
                    t.workers() > cores ? f(", past the %d cores", cores) : "")).orElse("");
            return new Diagnosis("io-bound", f("I/O-bound: the sequential run keeps a core busy only %s of the time "
                    + "(it waits)%s. Waiting work overlaps on any number of threads, beyond the core count.",
                    pct(utilisation), scaling) + caveat, recommendation);
        }
        if (gcShare > GC_BOUND_SHARE && processes.isPresent() && threads.isPresent()
                && processes.get().speedup() > threads.get().speedup()) {
            return new Diagnosis("memory-bound", f("Memory/GC-bound: the sequential run spends %s of its time in "
                    + "garbage collection, and processes ×%d (%s×) beat threads ×%d (%s×): separate heaps collect "
                    + "separately, one shared heap collects for everyone.", pct(gcShare), processes.get().workers(),
                    r(processes.get().speedup()), threads.get().workers(), r(threads.get().speedup())) + caveat,
                    recommendation);
        }
        if (utilisation >= COMPUTING_UTILISATION && threads.isPresent() && threads.get().speedup() < NO_GAIN) {
            ResultReport t = atCoresOrMost(results, "threads", cores).orElse(threads.get());
            String processEvidence = processes.filter(p -> p.speedup() > threads.get().speedup() * 1.1)
                    .map(p -> f(", while processes ×%d reach %s×: each process has its own lock (the GIL pattern)",
                            p.workers(), r(p.speedup())))
                    .orElse(", and processes do not gain either at this size (their start-up outweighs the work)");
            return new Diagnosis("lock-bound", f("Lock-bound: the work computes (CPU utilisation %s) yet threads "
                    + "gain nothing: threads ×%d run at %s× with %s cores busy%s.", pct(utilisation),
                    t.workers(), r(t.speedup()), r(t.cpuUtilisation()), processEvidence) + caveat, recommendation);
        }
        if (utilisation >= COMPUTING_UTILISATION && threads.isPresent()) {
            ResultReport t = atCoresOrMost(results, "threads", cores).orElse(threads.get());
            double ideal = Math.min(t.workers(), cores);
            if (t.speedup() >= SCALES_TO_CORES * ideal) {
                return new Diagnosis("cpu-bound", f("CPU-bound: the sequential run computes (CPU utilisation %s) and "
                        + "threads ×%d reach %s× of an ideal %s×. Compute scales up to the %d cores and no further.",
                        pct(utilisation), t.workers(), r(t.speedup()), r(ideal), cores) + caveat, recommendation);
            }
        }
        return new Diagnosis("mixed", f("The evidence is mixed: CPU utilisation %s, best threads %s, best processes "
                + "%s, GC share %s; no single limit explains it.", pct(utilisation),
                threads.map(t -> r(t.speedup()) + "× at ×" + t.workers()).orElse("not measured"),
                processes.map(p -> r(p.speedup()) + "× at ×" + p.workers()).orElse("not measured"), pct(gcShare))
                + caveat, recommendation);
    }

    private static String recommend(List<ResultReport> results, ResultReport seq) {
        ResultReport best = results.stream().filter(r -> !r.isSkipped())
                .min(Comparator.comparingDouble(r -> r.wallMs().median())).orElse(seq);
        if (best.mode().equals("sequential") || best.speedup() < 1.05) {
            return "Keep it sequential: no mode measured here beat it.";
        }
        String interval = best.speedupInterval().defined()
                ? f(" (95%% interval %s–%s)", r(best.speedupInterval().low()), r(best.speedupInterval().high())) : "";
        String cost = switch (best.mode()) {
            case "processes" -> f("It costs %s ms of JVM start-up in every run and %s of memory against %s "
                    + "sequentially.", Formats.ms(best.startupMs()), Formats.bytes(best.peakMemoryBytes()),
                    Formats.bytes(seq.peakMemoryBytes()));
            case "virtual" -> "Virtual threads cost little memory each; they need Java 21+.";
            default -> f("The threads share one heap (peak %s).", Formats.bytes(best.peakMemoryBytes()));
        };
        return f("Use %s with %d workers: %s× faster than sequential%s. %s", best.mode(), best.workers(),
                r(best.speedup()), interval, cost);
    }

    private static java.util.stream.Stream<ResultReport> measured(List<ResultReport> results, String mode) {
        return results.stream().filter(r -> !r.isSkipped() && r.mode().equals(mode));
    }

    /** The mode's result at the core count, or at the most workers measured below it. */
    private static Optional<ResultReport> atCoresOrMost(List<ResultReport> results, String mode, int cores) {
        return measured(results, mode).filter(r -> r.workers() <= cores)
                .max(Comparator.comparingInt(ResultReport::workers));
    }

    private static Optional<ResultReport> best(List<ResultReport> results, String mode) {
        return measured(results, mode).max(Comparator.comparingDouble(ResultReport::speedup));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String r(double value) {
        return Formats.ratio(value);
    }

    private static String pct(double fraction) {
        return Formats.percent(fraction);
    }
}
