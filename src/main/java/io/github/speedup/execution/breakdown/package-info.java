/**
 * Where the worker threads' time went during a stretch of work, from the JVM's own flight recorder
 * (JFR), read in process with {@code jdk.jfr.consumer.RecordingStream}: the shares of their wall
 * time spent running, blocked entering a monitor, parked on a {@code java.util.concurrent} lock,
 * waiting and stopped by the collector, and the culprits in the user's terms (the lock's class and
 * the user's frame that took it, the allocation site, the waiting frame, the hottest frame, the
 * pinned virtual thread).
 *
 * <p>It runs inside the workload's JVM, so it depends on nothing but the JDK (ArchitectureTest
 * checks it), and a JVM without JFR gets a {@link io.github.speedup.execution.breakdown.Breakdown.Unavailable}
 * that says why instead of an error. {@link io.github.speedup.execution.breakdown.BreakdownLines}
 * writes a breakdown as lines of text for the fork protocol to carry and reads it back;
 * {@link io.github.speedup.execution.breakdown.WorkerBreakdowns} makes one breakdown, and one recording,
 * of several JVMs that ran a diagnostic iteration side by side (the pool's workers).
 */
package io.github.speedup.execution.breakdown;
