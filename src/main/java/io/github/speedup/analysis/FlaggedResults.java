package io.github.speedup.analysis;

import io.github.speedup.report.ResultFlag;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload's flagged results as the page's notice and the log's line both count and name them, written
 * once so that they cannot differ: {@code 3 of 10 results flagged: unstable threads ×2, pool ×2; short of
 * target threads ×2, pool ×2; slowed by the host sequential ×1, threads ×2}.
 *
 * @param flagged  how many measured results carry any {@link ResultFlag}
 * @param measured how many results were measured (not skipped)
 * @param byFlag   the results carrying each flag, in the flags' order; only flags some result carries
 */
public record FlaggedResults(int flagged, int measured, Map<ResultFlag, List<ResultReport>> byFlag) {

    public FlaggedResults {
        byFlag = Collections.unmodifiableMap(new LinkedHashMap<>(byFlag));
    }

    /** The flags of {@code workload}'s measured results. */
    public static FlaggedResults of(WorkloadReport workload) {
        List<ResultReport> measured = workload.results().stream().filter(r -> !r.isSkipped()).toList();
        Map<ResultFlag, List<ResultReport>> byFlag = new EnumMap<>(ResultFlag.class);
        for (ResultFlag flag : ResultFlag.values()) {
            List<ResultReport> carrying = measured.stream().filter(flag::carriedBy).toList();
            if (!carrying.isEmpty()) {
                byFlag.put(flag, carrying);
            }
        }
        int flagged = (int) measured.stream()
                .filter(r -> Arrays.stream(ResultFlag.values()).anyMatch(flag -> flag.carriedBy(r))).count();
        return new FlaggedResults(flagged, measured.size(), byFlag);
    }

    /** Whether any result carries a flag that {@link ResultFlag#warns() warns}. */
    public boolean warns() {
        return byFlag.keySet().stream().anyMatch(ResultFlag::warns);
    }

    /**
     * {@code 3 of 10 results flagged: unstable threads ×2, pool ×2; slowed by the host sequential ×1}: the
     * {@link #count()} and the {@link #names()}; empty where no result is flagged.
     */
    public String text() {
        return flagged == 0 ? "" : count() + ": " + names();
    }

    /** {@code 3 of 10 results flagged}. */
    public String count() {
        return flagged + " of " + measured + (measured == 1 ? " result" : " results") + " flagged";
    }

    /**
     * {@code unstable threads ×2, pool ×2; slowed by the host sequential ×1}: each flag with the results
     * carrying it, each mode named once.
     */
    public String names() {
        List<String> parts = new ArrayList<>();
        byFlag.forEach((flag, results) -> parts.add(flag.label() + " " + results(results)));
        return String.join("; ", parts);
    }

    /** {@code threads ×4, processes ×1, ×2, ×4}: each mode named once. */
    private static String results(List<ResultReport> results) {
        Map<String, List<String>> byMode = new LinkedHashMap<>();
        results.forEach(r -> byMode.computeIfAbsent(r.mode().id(), m -> new ArrayList<>()).add("×" + r.workers()));
        List<String> modes = new ArrayList<>();
        byMode.forEach((mode, workers) -> modes.add(mode + " " + String.join(", ", workers)));
        return String.join(", ", modes);
    }
}
