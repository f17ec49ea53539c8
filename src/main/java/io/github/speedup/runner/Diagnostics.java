package io.github.speedup.runner;

import io.github.speedup.execution.Mode;
import io.github.speedup.plan.Measurement;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether the runner takes a diagnostic iteration of each result (where its workers' time went), and
 * where the flight recorder's recordings of them are dumped.
 *
 * @param on         {@code false}: no diagnostic iteration at all, so no breakdown and no recording
 * @param pool       whether the results measured in JVMs of their own (the pool's) take one too: each of
 *                   those JVMs starts a flight recorder for it, where the in-JVM modes share one
 * @param recordings the folder each diagnostic iteration's recording is dumped into, named by
 *                   {@link #fileName}, for the engine to keep the most telling one beside the report and
 *                   delete the rest; {@code null}: the JVM that records dumps it to a file of its own and
 *                   deletes it (nothing is kept)
 */
public record Diagnostics(boolean on, boolean pool, Path recordings) {

    /**
     * A diagnostic iteration per result the measurement JVM measured, no recording kept: what a runner does
     * unless told otherwise.
     */
    public static final Diagnostics BREAKDOWN_ONLY = new Diagnostics(true, false, null);

    /** No diagnostic iteration. */
    public static final Diagnostics OFF = new Diagnostics(false, false, null);

    /** What a result measured in JVMs of its own says of its breakdown when {@link #pool} is off. */
    static final String POOL_OFF = "the pool's worker JVMs are not recorded unless breakdownPool is true "
            + "(each starts a flight recorder of its own, a second or more of the workload's time per pool result)";

    /** Where the diagnostic iteration of {@code measurement} is recorded, or {@code null} for nowhere. */
    Path recording(Measurement measurement) {
        return on && recordings != null
                ? recordings.resolve(fileName(measurement.workload().name(), measurement.mode(), measurement.workers()))
                : null;
    }

    /**
     * The file name of a result's recording: {@code contended-threads-x2.jfr}, from the workload's
     * name with every character other than a letter, digit, dot, dash or underscore written {@code _}
     * (a workload's name is the user's: {@code com.acme.Foo#bar}, or one with a slash or a space,
     * must not name another folder or need quoting in a link), and never starting with a dot
     * (a hidden file, or {@code ..}).
     */
    public static String fileName(String workload, Mode mode, int workers) {
        String safe = workload.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe + "-" + mode.id().toLowerCase(Locale.ROOT) + "-x" + workers + ".jfr";
    }

    /** Whether {@code name} is one {@link #fileName} gives: {@code <workload>-<mode>-x<workers>.jfr}. */
    public static boolean namesRecording(String name) {
        return RECORDING_NAME.matcher(name).matches();
    }

    private static final Pattern RECORDING_NAME = Pattern.compile("[A-Za-z0-9._-]+-("
            + Arrays.stream(Mode.values()).map(mode -> mode.id().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("|")) + ")-x\\d+\\.jfr");
}
