package io.github.speedup.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU the build itself had used at one moment, in nanoseconds (clock ticks): this JVM's whole
 * process (every thread: the measuring loop, the threads that drain the children's output and carry
 * the pool's round trips, JIT and GC) and, per child the plugin started, its process tree (the child
 * and every descendant, each with the CPU of its own children that have ended). Read right next to the
 * machine's counters, its difference is what the build took from the machine in the same window, so
 * nothing the plugin or its children do, set-up and output included, passes for other work.
 *
 * <p>Maven's other children (a test JVM of another module under {@code -T}) are not the plugin's and
 * stay other work. Neither are the children's ended children reaped by Maven's JVM itself: those are
 * the processes mode's workers, whose CPU their iteration reports.
 *
 * @param thisJvmNanos this JVM's process CPU: user and system time of all its threads
 * @param treeNanos    per child the plugin started (by pid), the CPU of its process tree; a child no
 *                     longer there is absent
 */
public record OwnCpu(long thisJvmNanos, Map<Long, Long> treeNanos) {

    private static final Path PROC = Path.of("/proc");

    public OwnCpu {
        treeNanos = Map.copyOf(treeNanos);
    }

    /**
     * The build's CPU now.
     *
     * @param children the pids of the child processes the plugin started and has not reaped
     */
    public static OwnCpu read(Collection<Long> children) {
        OwnCpu fromProc = read(PROC, ProcessHandle.current().pid(), children);
        return fromProc != null ? fromProc : fromProcessHandles(children);
    }

    /**
     * The build's CPU from a {@code /proc} tree; {@code null} where there is none (not Linux). One pass
     * over every process finds the descendants: a child's children may have been started by any of its
     * threads, and a thread's own list of children holds only those it started.
     */
    static OwnCpu read(Path proc, long self, Collection<Long> children) {
        Map<Long, Stat> processes = scan(proc);
        if (processes == null || !processes.containsKey(self)) {
            return null;
        }
        Map<Long, List<Long>> childrenOf = new HashMap<>();
        processes.forEach((pid, stat) -> childrenOf.computeIfAbsent(stat.parent(), any -> new ArrayList<>()).add(pid));
        Map<Long, Long> trees = new LinkedHashMap<>();
        for (long child : children) {
            if (processes.containsKey(child)) {
                trees.put(child, treeNanos(child, processes, childrenOf));
            }
        }
        return new OwnCpu(processes.get(self).selfNanos(), trees);
    }

    /** Where there is no /proc: this JVM and the children themselves, as the JDK tells, without descendants. */
    private static OwnCpu fromProcessHandles(Collection<Long> children) {
        Map<Long, Long> trees = new LinkedHashMap<>();
        for (long child : children) {
            ProcessHandle.of(child).flatMap(handle -> handle.info().totalCpuDuration())
                    .ifPresent(cpu -> trees.put(child, cpu.toNanos()));
        }
        return new OwnCpu(Probes.processCpuNanos(), trees);
    }

    /**
     * The CPU the build used since {@code before}, never negative: this JVM's, and each child's tree's
     * since then (a child new since then counts whole, one gone since then is left out, as its CPU
     * after the earlier reading is not known here). Within a tree the sum stays continuous as its
     * processes end, since an ended process's CPU moves to its parent's count of ended children.
     */
    public long since(OwnCpu before) {
        long own = Math.max(0, thisJvmNanos - before.thisJvmNanos);
        for (Map.Entry<Long, Long> tree : treeNanos.entrySet()) {
            own += Math.max(0, tree.getValue() - before.treeNanos.getOrDefault(tree.getKey(), 0L));
        }
        return own;
    }

    private static long treeNanos(long root, Map<Long, Stat> processes, Map<Long, List<Long>> childrenOf) {
        long cpu = 0;
        Deque<Long> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            long pid = next.removeFirst();
            cpu += processes.get(pid).withEndedChildrenNanos();
            // a pid is its own parent nowhere but in a damaged tree; never loop on one
            childrenOf.getOrDefault(pid, List.of()).stream().filter(child -> child != pid).forEach(next::addLast);
        }
        return cpu;
    }

    /** One process's line of /proc/[pid]/stat, as far as the build's CPU needs it. */
    private record Stat(long parent, long selfNanos, long endedChildrenNanos) {
        long withEndedChildrenNanos() {
            return selfNanos + endedChildrenNanos;
        }
    }

    /** Every process's stat by pid, or {@code null} where {@code proc} cannot be listed. */
    private static Map<Long, Stat> scan(Path proc) {
        Map<Long, Stat> processes = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, OwnCpu::isPid)) {
            for (Path entry : entries) {
                Stat stat = stat(entry.resolve("stat"));
                if (stat != null) {
                    processes.put(Long.parseLong(entry.getFileName().toString()), stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return processes;
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** A process's stat, or {@code null} when it ended while the scan ran or the line is not one. */
    private static Stat stat(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.US_ASCII);
            // the fields after the command name, which may hold spaces and parentheses but ends at the last ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).strip().split(" ");
            return new Stat(Long.parseLong(fields[1]),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * ProcStat.NANOS_PER_TICK,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * ProcStat.NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
