package io.github.speedup.runner;

import io.github.speedup.plan.Measurement;

/** Told about every iteration before it starts, so the log can show where a run is. */
public interface ProgressListener {

    /**
     * @param number    1-based number of the measurement in the plan
     * @param total     measurements in the plan
     * @param warmup    whether this is a warm-up iteration
     * @param iteration 1-based number among the warm-ups or among the measured iterations
     * @param of        how many warm-ups or measured iterations there are
     */
    void iteration(int number, int total, Measurement measurement, boolean warmup, int iteration, int of);

    void skipped(int number, int total, Measurement measurement, String reason);

    /** Iteration {@code iteration} is taken again, once the machine is quiet: other work disturbed it. */
    void retried(int number, int total, Measurement measurement, int iteration, String contamination);

    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void iteration(int number, int total, Measurement measurement, boolean warmup, int iteration, int of) {
        }

        @Override
        public void skipped(int number, int total, Measurement measurement, String reason) {
        }

        @Override
        public void retried(int number, int total, Measurement measurement, int iteration, String contamination) {
        }
    };
}
