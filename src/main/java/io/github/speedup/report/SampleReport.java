package io.github.speedup.report;

/**
 * One measured iteration, in report units. {@code startupMs} is NaN outside the processes mode,
 * {@code gcMs} NaN in it.
 */
public record SampleReport(double wallMs, double cpuMs, long peakMemoryBytes, double startupMs, double gcMs) {

    public boolean hasStartup() {
        return !Double.isNaN(startupMs);
    }

    public boolean hasGc() {
        return !Double.isNaN(gcMs);
    }
}
