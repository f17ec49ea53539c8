package io.github.speedup.format.html;

import io.github.speedup.check.Verdict;
import io.github.speedup.measure.Environment;
import io.github.speedup.measure.SpeedWatch;
import io.github.speedup.plan.IterationOrder;
import io.github.speedup.plan.Sampling;
import io.github.speedup.report.ComparedVersion;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.Report;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The page's opening lines under its title: the machine, the sampling and the run's settings, how
 * the run shared the machine, the host's speed and, for a run stopped early, why.
 */
final class RunSection implements Section {

    @Override
    public void write(Page page, Report report, Verdict verdict) throws IOException {
        Element meta = Element.of("p").cls("meta").text(describe(report.environment())).br()
                .text(settings(report)).br().text(machineSharing(report));
        if (!clusters(report).isEmpty()) {
            meta.br().text(clusters(report));
        }
        if (report.compared()) {
            meta.br().text(comparedWith(report.compareWith()));
        }
        page.line(meta);
        Optional<SpeedWatch.HostSpeed> hostSpeed = Optional.ofNullable(report.hostSpeed());
        if (hostSpeed.isPresent() && hostSpeed.get().shown()) {
            page.line(Element.of("p").cls("warning").id("host-speed").add(Element.of("strong").text("Host speed:"))
                    .text(" over the run, " + hostSpeed.get().describe() + ", judged by the time per "
                    + "iteration of the computing results that barely allocate, each against its fastest, in the "
                    + "rounds where all of them slowed; a run takes longer, or stops short of its target, where the "
                    + "host slows down." + (hostSpeed.get().steadyForBaseline() ? "" : String.format(Locale.ROOT,
                    " Below %.2f of its fastest, this run is no baseline for later runs.",
                    SpeedWatch.HostSpeed.BASELINE_LIMIT))));
        }
        if (!report.complete()) {
            page.line(Element.of("p").cls("incomplete").id("incomplete").add(Element.of("strong").text("Incomplete:"))
                    .text(" measuring stopped early: " + report.incompleteReason()));
        }
    }

    /** How the run sampled and ordered its iterations, what it ran on, and the settings of its child JVMs. */
    private static String settings(Report report) {
        return capitalised(sampling(report.settings().sampling(), report.settings().iterationOrder())) + ", "
                + report.settings().iterationOrder().id() + (report.settings().iterationOrder() == IterationOrder.INTERLEAVED
                ? " across modes" : "") + "; machine fingerprint " + report.environment().fingerprint()
                + (report.testbed().equals(report.environment().fingerprint()) ? "" : ", testbed " + report.testbed())
                + (report.commit().isEmpty() ? "" : "; commit " + report.commit())
                + (report.environment().loadAverage() >= 0
                ? String.format(Locale.ROOT, "; load average %.2f at start", report.environment().loadAverage()) : "")
                + (report.settings().argLine().isBlank() ? "" : "; JVM flags: " + report.settings().argLine())
                + (report.settings().workingDirectory().isEmpty() ? ""
                : "; child JVMs ran in " + report.settings().workingDirectory());
    }

    /**
     * How many iterations each result got, or the rule that decided it. Taken in rounds, sequential goes on
     * past maxIterations beside the modes as long as any of them samples (runner's WorkloadSampling): a
     * trial's page said "6 to 30 iterations" above a sequential of 72.
     */
    private static String sampling(Sampling sampling, IterationOrder order) {
        if (sampling.fixed()) {
            return sampling.warmupIterations() + " warm-up and " + sampling.maxIterations()
                    + " measured iterations per result";
        }
        return String.format(Locale.ROOT, "each result sampled until its speedup (sequential: its median) was "
                        + "known to %s (%d to %d iterations%s, within %d s per workload, everything included; up to "
                        + "%d warm-ups, fewer once they stop getting faster)",
                Figures.precision(sampling.targetPrecision()), sampling.minIterations(), sampling.maxIterations(),
                order == IterationOrder.INTERLEAVED ? "; sequential, whose samples pair with theirs round by round, "
                        + "goes on beside the modes until the last of them stops, so it may take more" : "",
                sampling.maxTime().toSeconds(), sampling.warmupIterations());
    }

    /** What this build was measured against, side by side, and by which rule. */
    private static String comparedWith(ComparedVersion compared) {
        return "Measured side by side with " + compared.artifact() + " (compareWith " + compared.requested()
                + "), paired by round: a result regresses when the whole 95% interval of its time ratio lies above "
                + String.format(Locale.ROOT, "+%.1f%% (compareWithMaxRegression); the earlier version ran on ",
                compared.compareWithMaxRegressionPercent()) + compared.classPath().size()
                + " class path entries, listed in speedup.xml.";
    }

    /** How the run shared the machine: the lock, and what could tell other work apart. */
    private static String machineSharing(Report report) {
        Environment env = report.environment();
        String probes = env.loadProbes().isEmpty() ? "no probe of other work's CPU on this system, so no iteration "
                + "could be checked for it" : "other work's CPU read from " + String.join(" and ", env.loadProbes())
                + String.format(Locale.ROOT, "; an iteration with more than %.2f cores of it, or more than 5%% of its "
                + "time stolen or throttled, is taken again (up to %d times per result) or marked contaminated",
                report.settings().maxForeignLoad(), report.settings().maxRetries());
        return String.format(Locale.ROOT, "Measured %s to %s, after %.1f s waiting for the measurement lock; %s.",
                report.started(), report.created(), env.lockWaitMs() / 1000, probes);
    }

    /**
     * The clusters the cluster results ran on, each once, as their members described themselves: the
     * machine fingerprint covers this host only. Empty without cluster results that recorded them.
     */
    private static String clusters(Report report) {
        Set<String> clusters = new LinkedHashSet<>();
        for (WorkloadReport workload : report.workloads()) {
            for (ResultReport result : workload.results()) {
                if (result.cluster().known()) {
                    clusters.add(result.cluster().describe());
                }
            }
        }
        return clusters.isEmpty() ? "" : "Cluster results ran on " + String.join("; on ", clusters)
                + " (the machine fingerprint covers this host only).";
    }

    private static String describe(Environment env) {
        return env.cpuModel() + ", " + env.logicalCores() + " logical cores, " + env.osName() + " " + env.osVersion()
                + " (" + env.osArch() + "); workloads on " + env.jvmVendor() + " " + env.jvmName() + " "
                + env.jvmVersion() + " (" + env.javaExecutable() + (env.jvmFlags().isBlank() ? "" : " " + env.jvmFlags())
                + "); Maven " + env.mavenVersion() + " on Java " + env.mavenJavaVersion();
    }

    /** The same text with its first letter in capitals: the meta lines are sentences. */
    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
