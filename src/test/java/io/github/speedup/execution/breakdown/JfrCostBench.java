package io.github.speedup.execution.breakdown;

import com.example.breakdown.Ledger;
import com.example.breakdown.Registry;
import com.example.breakdown.Spin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recorder costs a contended workload, by threshold: {@code bench/jfr_cost.py} runs it.
 * Two workers take a shared monitor and a shared ReentrantLock in turn, holding each for
 * {@code hold} µs with half that outside: every acquisition contends, and with holds of a few µs
 * most contention events are shorter than 10 µs, the worst case for a low threshold. The recorder
 * off and the thresholds run interleaved, in a rotating order, in one JVM; each run's time is the
 * work's wall time between the recorder's start and stop (stop's wait for the last events is not
 * the work's cost).
 */
public final class JfrCostBench {

    private static final Map<String, Duration> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("off", null);
        CONFIGS.put("0", Duration.ZERO);
        CONFIGS.put("10us", Duration.ofNanos(10_000));
        CONFIGS.put("100us", Duration.ofNanos(100_000));
        CONFIGS.put("1ms", Duration.ofMillis(1));
    }

    private JfrCostBench() {
    }

    /** {@code args}: rounds, hold in µs, acquisitions per worker. Prints one line per configuration. */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        long holdNanos = Long.parseLong(args[1]) * 1_000;
        int acquisitions = Integer.parseInt(args[2]);
        List<String> names = new ArrayList<>(CONFIGS.keySet());
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + round, names.size()));
                double[] run = run(CONFIGS.get(name), holdNanos, acquisitions);
                if (round >= 0) {   // round -1 warms every configuration up
                    results.computeIfAbsent(name, n -> new ArrayList<>()).add(run);
                }
            }
        }
        double off = median(results.get("off"), 0);
        System.out.printf("hold %d us, %d acquisitions per worker, %d rounds%n", holdNanos / 1000, acquisitions, rounds);
        for (String name : names) {
            double ms = median(results.get(name), 0);
            System.out.printf("%-6s median %8.1f ms  ratio %.3f  min %8.1f  max %8.1f  blocked share seen %.3f%n", name, ms,
                    ms / off, min(results.get(name)), max(results.get(name)), median(results.get(name), 1));
        }
    }

    /** One run: {wall ms, blocked share the recorder saw (monitor + parked)}. */
    private static double[] run(Duration threshold, long holdNanos, int acquisitions) throws Exception {
        Registry registry = new Registry();
        Ledger ledger = new Ledger();
        BreakdownRecorder recorder = threshold == null ? null : BreakdownRecorder.start(threshold);
        long start = System.nanoTime();
        Crew.run(2, 1, () -> {
            for (int i = 0; i < acquisitions; i++) {
                if (i % 2 == 0) {
                    registry.lookup(holdNanos);
                } else {
                    ledger.post(holdNanos);
                }
                Spin.spin(holdNanos / 2);
            }
        });
        double ms = (System.nanoTime() - start) / 1e6;
        if (recorder == null) {
            return new double[] {ms, 0};
        }
        Breakdown.Recorded breakdown = (Breakdown.Recorded) recorder.stop(new Workers(2, 2, Crew.PREFIX, Set.of()));
        return new double[] {ms, breakdown.shares().monitor() + breakdown.shares().parked()};
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(run -> run[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static double min(List<double[]> runs) {
        return runs.stream().mapToDouble(run -> run[0]).min().orElseThrow();
    }

    private static double max(List<double[]> runs) {
        return runs.stream().mapToDouble(run -> run[0]).max().orElseThrow();
    }
}
