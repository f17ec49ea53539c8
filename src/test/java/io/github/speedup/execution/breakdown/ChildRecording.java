package io.github.speedup.execution.breakdown;

import com.example.breakdown.Pinned;
import com.example.breakdown.Registry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM's side of the tests that need a JVM of their own (another Java, {@code -XX:-FlightRecorder}):
 * records one fixture and prints its breakdown's lines on standard output.
 */
public final class ChildRecording {

    private ChildRecording() {
    }

    /** {@code args[0]}: {@code registry} (two platform workers on a synchronized method), {@code pinned} (virtual threads). */
    public static void main(String[] args) throws Exception {
        Breakdown breakdown = switch (args[0]) {
            case "registry" -> registry();
            case "pinned" -> pinned();
            default -> throw new IllegalArgumentException("fixture '" + args[0] + "' is not one of registry, pinned");
        };
        System.out.print(BreakdownLines.write(breakdown));
    }

    private static Breakdown registry() throws Exception {
        Registry registry = new Registry();
        BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
        Crew.run(2, 5, () -> registry.lookup(5_000_000));
        return recorder.stop(new Workers(2, 10, Crew.PREFIX, Set.of()));
    }

    /**
     * Sixteen virtual threads, each sleeping 20 ms inside {@code synchronized} on a lock of its
     * own (no contention): pinned on Java 21 to 23, not since Java 24 (JEP 491). The executor is looked up
     * at run time, as the plugin does, because the tests are compiled for Java 17.
     */
    private static Breakdown pinned() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        BreakdownRecorder recorder = BreakdownRecorder.start(BreakdownRecorder.THRESHOLD);
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            done.add(virtual.submit(() -> {
                ids.add(Thread.currentThread().getId());
                Pinned.hold(new Object(), 20);
                return null;
            }));
        }
        for (Future<?> task : done) {
            task.get();
        }
        virtual.shutdown();
        return recorder.stop(new Workers(16, 16, "", ids));
    }
}
