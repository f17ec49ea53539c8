package io.github.speedup.execution.breakdown;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The breakdowns of several JVMs that ran one diagnostic iteration side by side (the pool's worker JVMs,
 * each recording its own worker thread), as one: the shares over all their workers' wall time, the
 * culprits merged by weight, and their recordings as one file.
 */
public final class WorkerBreakdowns {

    private WorkerBreakdowns() {
    }

    /**
     * One breakdown of them all: the first {@link Breakdown.Unavailable} where any JVM could not record
     * (a share of the workers unseen would tell a wrong story of the rest), else each share weighted by
     * that JVM's workers' wall time; the same culprit (cause, subject, method) in several JVMs adds up,
     * and its share is of the lists' totals together. Each JVM sent its top {@value Tally#TOP} only, so a
     * culprit below them in one JVM is missing from its sum: a lower bound, as every list's tail is.
     *
     * @throws IllegalArgumentException for no breakdowns
     */
    public static Breakdown merge(List<Breakdown> breakdowns) {
        if (breakdowns.isEmpty()) {
            throw new IllegalArgumentException("no breakdowns to merge");
        }
        List<Breakdown.Recorded> recorded = new ArrayList<>();
        for (Breakdown breakdown : breakdowns) {
            if (breakdown instanceof Breakdown.Unavailable unavailable) {
                return unavailable;
            }
            recorded.add((Breakdown.Recorded) breakdown);
        }
        if (recorded.size() == 1) {
            return recorded.get(0);
        }
        int workers = 0;
        long tasks = 0;
        double workerWall = 0;
        for (Breakdown.Recorded part : recorded) {
            workers += part.workers();
            tasks += part.tasks();
            workerWall += weight(part);
        }
        double total = workerWall;
        Shares shares = new Shares(weighted(recorded, total, b -> b.shares().running()),
                weighted(recorded, total, b -> b.shares().monitor()), weighted(recorded, total, b -> b.shares().parked()),
                weighted(recorded, total, b -> b.shares().waiting()), weighted(recorded, total, b -> b.shares().collector()),
                weighted(recorded, total, b -> b.shares().offCpu()));
        return new Breakdown.Recorded(Math.round(workerWall / workers), workers, tasks, recorded.get(0).threshold(),
                shares, culprits(recorded, Breakdown.Recorded::locks), memory(recorded, tasks, total),
                culprits(recorded, Breakdown.Recorded::waits), culprits(recorded, Breakdown.Recorded::hottest),
                new Pinning(recorded.stream().allMatch(b -> b.pinning().recordable()),
                        culprits(recorded, b -> b.pinning().events())));
    }

    /**
     * The recordings of the parts as one file that JMC and {@code jfr print} open: a recording is a
     * sequence of self-contained chunks, so files written one after the other are one recording (what
     * {@code jfr assemble} does). The parts are deleted; one a JVM did not write (it has no flight
     * recorder) is passed over, and where none was written, none is.
     *
     * @throws IOException a part cannot be read or the recording written; the recording is then deleted
     */
    public static void concatenate(List<Path> parts, Path recording) throws IOException {
        List<Path> written = parts.stream().filter(Files::isRegularFile).toList();
        if (written.isEmpty()) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(recording)) {
            for (Path part : written) {
                Files.copy(part, out);
            }
        } catch (IOException e) {
            Files.deleteIfExists(recording);
            throw e;
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** A JVM's workers' wall time, ns: what its shares are shares of. */
    private static double weight(Breakdown.Recorded part) {
        return (double) part.wallNanos() * part.workers();
    }

    private static double weighted(List<Breakdown.Recorded> parts, double total,
                                   Function<Breakdown.Recorded, Double> share) {
        double sum = 0;
        for (Breakdown.Recorded part : parts) {
            sum += share.apply(part) * weight(part);
        }
        return total == 0 ? 0 : sum / total;
    }

    /**
     * Allocation: the JVMs allocated side by side, so their rates add up; the bytes per task are all
     * their bytes over all their tasks; the collector stopped each JVM's workers alone, so its share is
     * weighted as the others.
     */
    private static Memory memory(List<Breakdown.Recorded> parts, long tasks, double total) {
        double rate = 0;
        double bytes = 0;
        int pauses = 0;
        for (Breakdown.Recorded part : parts) {
            rate += part.memory().bytesPerSecond();
            bytes += part.memory().bytesPerSecond() * part.wallNanos() / 1e9;
            pauses += part.memory().pauses();
        }
        return new Memory(rate, tasks == 0 ? 0 : bytes / tasks,
                weighted(parts, total, b -> b.memory().collectorShare()), pauses,
                culprits(parts, b -> b.memory().sites()));
    }

    /**
     * One list of the culprits of every part, merged by cause, subject and method ({@link Tally#merged}).
     * A part's list total is not sent, but each culprit's share is of it: the total is its largest
     * culprit's amount over its share.
     */
    private static List<Culprit> culprits(List<Breakdown.Recorded> parts,
                                          Function<Breakdown.Recorded, List<Culprit>> list) {
        List<Culprit> pieces = new ArrayList<>();
        double total = 0;
        for (Breakdown.Recorded part : parts) {
            List<Culprit> culprits = list.apply(part);
            if (culprits.isEmpty()) {
                continue;
            }
            Culprit top = culprits.get(0);
            total += top.share() > 0 ? top.amount() / top.share()
                    : culprits.stream().mapToLong(Culprit::amount).sum();
            pieces.addAll(culprits);
        }
        return Tally.merged(pieces, total);
    }
}
