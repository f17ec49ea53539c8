package io.github.speedup.execution.breakdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up a stretch's observations into a breakdown: the workers' events only, each clipped to the
 * stretch, grouped by cause, subject and method.
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
        return of(observations, pauses, startNanos, stopNanos, workers, threshold, pinningRecordable,
                WorkerCounters.UNKNOWN, WorkerCounters.UNKNOWN, List.of());
    }

    /**
     * As above, with what the JVM counted for the workers ({@link WorkerCounters}): their allocated bytes
     * where known, else the allocation samples' weights estimate them (the sites are the samples' either
     * way); and their CPU time where known, which divides what no event recorded into running (on a
     * core) and off the CPU ({@link Shares#offCpu}).
     *
     * <p>The shares are of the workers' own wall time where each worker's span is known: from its first task
     * to the end of its last ({@link WorkerCounters}), else of the stretch's wall time times their count.
     *
     * @param allocatedBytes the workers' allocated bytes, or {@link WorkerCounters#UNKNOWN}
     * @param cpuNanos       the workers' CPU time in ns, or {@link WorkerCounters#UNKNOWN}
     * @param spans          each worker's {@code {began, nanos}} in ns since the epoch; used only where there
     *                       is one per worker
     */
    static Breakdown.Recorded of(List<Observation> observations, List<long[]> pauses, long startNanos, long stopNanos,
                                 Workers workers, long threshold, boolean pinningRecordable, long allocatedBytes,
                                 long cpuNanos, List<long[]> spans) {
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
        // A worker's wall time is its own: the time after its last task, while the others still ran theirs,
        // went nowhere in it (WorkerCounters). A pause stopped each worker it found running.
        double workerWall = (double) wall * workers.count();
        double workersPaused = paused * (double) workers.count();
        if (spans.size() == workers.count()) {
            workerWall = 0;
            workersPaused = 0;
            for (long[] span : spans) {
                long from = Math.max(span[0], startNanos);
                long to = Math.min(span[0] + span[1], stopNanos);
                workerWall += Math.max(0, to - from);
                for (long[] pause : pauses) {
                    workersPaused += overlap(pause[0], pause[1], from, to);
                }
            }
            workerWall = Math.max(1, workerWall);
        }
        Shares shares = shares(mine, workerWall, Math.min(1, workersPaused / workerWall), cpuNanos);
        long allocated = allocatedBytes >= 0 ? allocatedBytes : total(mine, Set.of(Cause.ALLOCATION));
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
     * scaled down so that they make the whole and running is none. Where the workers' CPU time is known,
     * the rest is running up to it and off the CPU beyond it.
     */
    private static Shares shares(List<Observation> mine, double workerWall, double collector, long cpuNanos) {
        Map<Cause.Share, Double> parts = new EnumMap<>(Cause.Share.class);
        for (Observation o : mine) {
            if (o.cause().share() != Cause.Share.RUNNING) {
                parts.merge(o.cause().share(), o.amount() / workerWall, Double::sum);
            }
        }
        parts.put(Cause.Share.COLLECTOR, collector);
        double stopped = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        double scale = stopped > 1 ? 1 / stopped : 1;
        double rest = Math.max(0, 1 - stopped * scale);
        // What no event recorded: on a core as far as the workers' CPU time goes, off it beyond that.
        double running = cpuNanos < 0 ? rest : Math.min(rest, cpuNanos / workerWall);
        return new Shares(running, scale * parts.getOrDefault(Cause.Share.MONITOR, 0.0),
                scale * parts.getOrDefault(Cause.Share.PARKED, 0.0), scale * parts.getOrDefault(Cause.Share.WAITING, 0.0),
                scale * collector, rest - running);
    }

    private static long total(List<Observation> mine, Set<Cause> causes) {
        return mine.stream().filter(o -> causes.contains(o.cause())).mapToLong(Observation::amount).sum();
    }

    /** The largest groups of these causes by cause, subject and frame, each with its share of their total. */
    private static List<Culprit> top(List<Observation> mine, Set<Cause> causes) {
        return merged(mine.stream().filter(o -> causes.contains(o.cause()))
                .map(o -> new Culprit(o.cause(), o.subject(), o.frame(), o.amount(), 0, 1)).toList(),
                total(mine, causes));
    }

    /**
     * The top {@link #TOP} culprits of {@code pieces} added up by {@link Key}, each named by the frame that
     * holds most of it, with its share of {@code total} (at most 1; a total under 1 counts as 1) and the
     * events of its pieces added up.
     */
    static List<Culprit> merged(List<Culprit> pieces, double total) {
        double whole = Math.max(1, total);
        Map<Key, Long> groups = new LinkedHashMap<>();
        Map<Key, Long> events = new HashMap<>();
        Map<Key, Map<String, Long>> frames = new HashMap<>();
        for (Culprit piece : pieces) {
            Key key = new Key(piece.cause(), piece.subject(), method(piece.frame()));
            groups.merge(key, piece.amount(), Long::sum);
            events.merge(key, piece.events(), Long::sum);
            frames.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(piece.frame(), piece.amount(), Long::sum);
        }
        return groups.entrySet().stream()
                .sorted(Map.Entry.<Key, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(group -> new Culprit(group.getKey().cause(), group.getKey().subject(),
                        Collections.max(frames.get(group.getKey()).entrySet(), Map.Entry.comparingByValue()).getKey(),
                        group.getValue(), Math.min(1, group.getValue() / whole), events.get(group.getKey())))
                .toList();
    }

    /**
     * The frame without its line, {@code com.acme.Registry.lookup} of {@code com.acme.Registry.lookup:11}:
     * one monitor entered in one method is one culprit, though the compiled code reports its entry at
     * the line of the {@code synchronized} and at the line inside it (seen: 54% and 46% of one lock).
     */
    static String method(String frame) {
        int colon = frame.lastIndexOf(':');
        return colon > 0 && frame.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? frame.substring(0, colon) : frame;
    }

    /**
     * What a culprit is: the same cause, subject and method add up, named by the line that holds most of
     * it.
     */
    record Key(Cause cause, String subject, String method) {
    }
}
