package io.github.speedup.measure;

import java.util.Map;

/**
 * A reading of this JVM's CPU split in two: its whole process, and its Java threads. The
 * difference is what the JVM itself spends beside the Java code: JIT compiler and GC threads. In
 * the host (Maven's JVM) that is part of the apparatus, not other work, and compiling the plugin's
 * own code cost it hundreds of milliseconds early in a run.
 *
 * @param processNanos whole process CPU (clock ticks)
 * @param javaThreads  CPU of each live Java thread, by id
 */
public record VmThreadsCpu(long processNanos, Map<Long, Long> javaThreads) {

    public static VmThreadsCpu now() {
        return new VmThreadsCpu(Probes.processCpuNanos(), Probes.threadCpuNanos());
    }

    /**
     * CPU the JVM's own threads (JIT, GC) used since {@code before}; never negative. A Java thread
     * that ended meanwhile takes its CPU with it, which then counts here too.
     */
    public long since(VmThreadsCpu before) {
        return Math.max(0, processNanos - before.processNanos
                - Probes.threadCpuNanosBetween(before.javaThreads, javaThreads));
    }
}
