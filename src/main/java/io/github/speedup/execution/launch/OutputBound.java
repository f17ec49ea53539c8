package io.github.speedup.execution.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The children's output as the log takes it: the first {@value #LINES_PER_CHILD} lines each child
 * label writes between two {@link #flush()}es (the runner flushes after each workload), then, at the
 * flush, one line per label that wrote more saying how much was left out. A label names a child's
 * place, not one process: the fresh JVMs that {@code processes} starts in every iteration share
 * "worker JVM 1 of 2 (name)", so a workload that floods its output costs the log the same few lines
 * however many iterations it takes (a task writing 50 MiB per iteration made a build log of 2.3 MB
 * when the bound was 200 lines per process). What is left out is still read from the pipe, so a
 * child never blocks on a full one, and counted; it is not kept.
 */
public final class OutputBound implements ChildOutput {

    /** Lines a child label may put in the log per workload; past that its lines are counted, not shown. */
    public static final int LINES_PER_CHILD = 20;

    private final ChildOutput log;
    private final Map<String, Counts> byLabel = new LinkedHashMap<>();

    public OutputBound(ChildOutput log) {
        this.log = log;
    }

    /** The host's notices about a child are few and always shown. */
    @Override
    public void line(String childLabel, String line) {
        log.line(childLabel, line);
    }

    @Override
    public void written(String childLabel, String line, long bytes) {
        synchronized (byLabel) {
            Counts counts = byLabel.computeIfAbsent(childLabel, label -> new Counts());
            if (counts.shown >= LINES_PER_CHILD) {
                counts.leftOutLines++;
                counts.leftOutBytes += bytes;
                return;
            }
            counts.shown++;
        }
        log.line(childLabel, line);
    }

    /**
     * Says, per child label that wrote more than {@value #LINES_PER_CHILD} lines since the last flush,
     * how many lines and bytes the log left out, and starts counting afresh.
     */
    public void flush() {
        Map<String, Counts> said;
        synchronized (byLabel) {
            said = new LinkedHashMap<>(byLabel);
            byLabel.clear();
        }
        said.forEach((label, counts) -> {
            if (counts.leftOutLines > 0) {
                log.line(label, leftOut(counts.leftOutLines, counts.leftOutBytes));
            }
        });
    }

    /**
     * "(51,200 more lines, 50.0 MiB, of its output not shown: the log keeps the first 20 lines of each child per
     * workload, and the rest is not kept)"
     */
    public static String leftOut(long lines, long bytes) {
        return String.format(Locale.ROOT, "(%,d more %s, %s, of its output not shown: the log keeps the first %d "
                + "lines of each child per workload, and the rest is not kept)", lines, lines == 1 ? "line" : "lines",
                size(bytes), LINES_PER_CHILD);
    }

    /** Bytes in the unit a person reads them in: "812 bytes", "4.2 KiB", "50.0 MiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static final class Counts {
        int shown;
        long leftOutLines;
        long leftOutBytes;
    }
}
