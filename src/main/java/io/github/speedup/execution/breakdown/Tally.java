package io.github.speedup.execution.breakdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up a stretch's observations into a breakdown: the workers' events only, each clipped to the
 * stretch, grouped by cause, subject and frame.
 */
final class Tally {

    /** How many culprits each list keeps: enough to name the cause, short enough to read. */
    static final int TOP = 5;

    private static final Set<Cause> LOCKS = Set.of(Cause.MONITOR_ENTER, Cause.PARK);
    private static final Set<Cause> WAITS = Set.of(Cause.SLEEP, Cause.MONITOR_WAIT, Cause.SOCKET, Cause.FILE);

    private Tally() {
    }

    /**
     * The breakdown of the stretch from {@code startNanos} to {@code stopNanos} (since the epoch).
     *
     * @param pauses the collector's pauses, each {@code {start, nanos}}: they stop every thread
     */
    static Breakdown.Recorded of(List<Observation> observations, List<long[]> pauses, long startNanos, long stopNanos,
                                 Workers workers, long threshold, boolean pinningRecordable) {
        long wall = Math.max(1, stopNanos - startNanos);
        List<Observation> mine = new ArrayList<>();
        for (Observation o : observations) {
            if (workers.include(o.threadId(), o.threadName())) {
                long amount = o.nanos() > 0 ? overlap(o.startNanos(), o.nanos(), startNanos, stopNanos)
                        : o.startNanos() >= startNanos && o.startNanos() < stopNanos ? o.amount() : 0;
                if (amount > 0) {
                    mine.add(new Observation(o.cause(), o.threadId(), o.threadName(), o.startNanos(), o.nanos(), amount,
                            o.subject(), o.frame()));
                }
            }
        }
        long paused = 0;
        int pauseCount = 0;
        for (long[] pause : pauses) {
            long overlap = overlap(pause[0], pause[1], startNanos, stopNanos);
            paused += overlap;
            pauseCount += overlap > 0 ? 1 : 0;
        }
        double collectorShare = Math.min(1, paused / (double) wall);
        Shares shares = shares(mine, (double) wall * workers.count(), collectorShare);
        long allocated = total(mine, Set.of(Cause.ALLOCATION));
        Memory memory = new Memory(allocated / (wall / 1e9), workers.tasks() == 0 ? 0 : allocated / (double) workers.tasks(),
                collectorShare, pauseCount, top(mine, Set.of(Cause.ALLOCATION)));
        return new Breakdown.Recorded(wall, workers.count(), workers.tasks(), threshold, shares, top(mine, LOCKS), memory,
                top(mine, WAITS), top(mine, Set.of(Cause.CPU)), new Pinning(pinningRecordable, top(mine, Set.of(Cause.PINNED))));
    }

    /** The nanoseconds of {@code [start, start + nanos)} that fall in {@code [from, to)}. */
    static long overlap(long start, long nanos, long from, long to) {
        return Math.max(0, Math.min(start + nanos, to) - Math.max(start, from));
    }

    /**
     * The shares of the workers' wall time. Events longer than the stretch's share of a worker
     * can overlap a pause; where blocked, waiting and paused add up to more than all of it, each is
     * scaled down so that they make the whole and running is none.
     */
    private static Shares shares(List<Observation> mine, double workerWall, double collector) {
        Map<Cause.Share, Double> parts = new EnumMap<>(Cause.Share.class);
        for (Observation o : mine) {
            if (o.cause().share() != Cause.Share.RUNNING) {
                parts.merge(o.cause().share(), o.amount() / workerWall, Double::sum);
            }
        }
        parts.put(Cause.Share.COLLECTOR, collector);
        double stopped = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        double scale = stopped > 1 ? 1 / stopped : 1;
        return new Shares(Math.max(0, 1 - stopped * scale), scale * parts.getOrDefault(Cause.Share.MONITOR, 0.0),
                scale * parts.getOrDefault(Cause.Share.PARKED, 0.0), scale * parts.getOrDefault(Cause.Share.WAITING, 0.0),
                scale * collector);
    }

    private static long total(List<Observation> mine, Set<Cause> causes) {
        return mine.stream().filter(o -> causes.contains(o.cause())).mapToLong(Observation::amount).sum();
    }

    /** The largest groups of these causes by cause, subject and frame, each with its share of their total. */
    private static List<Culprit> top(List<Observation> mine, Set<Cause> causes) {
        Map<Key, Long> groups = new LinkedHashMap<>();
        for (Observation o : mine) {
            if (causes.contains(o.cause())) {
                groups.merge(new Key(o.cause(), o.subject(), o.frame()), o.amount(), Long::sum);
            }
        }
        double total = Math.max(1, total(mine, causes));
        return groups.entrySet().stream()
                .sorted(Map.Entry.<Key, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(group -> new Culprit(group.getKey().cause(), group.getKey().subject(), group.getKey().frame(),
                        group.getValue(), group.getValue() / total))
                .toList();
    }

    /** What a culprit is: the same cause, subject and frame add up. */
    record Key(Cause cause, String subject, String frame) {
    }
}
