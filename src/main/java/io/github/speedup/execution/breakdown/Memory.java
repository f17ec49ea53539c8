package io.github.speedup.execution.breakdown;

import java.util.List;

/**
 * What the workers allocated and what the collector cost them.
 *
 * @param bytesPerSecond  the workers' allocation rate over the wall time: the bytes the JVM counted for their
 *                        threads ({@link WorkerCounters}), or where it cannot, the weights of their allocation samples
 * @param bytesPerTask    the same bytes over the tasks run in the stretch
 * @param collectorShare  the fraction, 0 to 1, of the wall time the JVM was stopped in a collector's pauses
 * @param pauses          how many such pauses began in the stretch
 * @param sites           the top allocation sites by sampled weight (cause {@link Cause#ALLOCATION}, in bytes), largest first
 */
public record Memory(double bytesPerSecond, double bytesPerTask, double collectorShare, int pauses, List<Culprit> sites) {

    public Memory {
        sites = List.copyOf(sites);
    }
}
