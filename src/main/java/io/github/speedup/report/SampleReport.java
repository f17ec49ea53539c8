package io.github.speedup.report;

/** One measured iteration, in report units. {@code startupMs} is NaN outside the processes mode. */
public record SampleReport(double wallMs, double cpuMs, long peakMemoryBytes, double startupMs) {

    public boolean hasStartup() {
        return !Double.isNaN(startupMs);
    }
}
