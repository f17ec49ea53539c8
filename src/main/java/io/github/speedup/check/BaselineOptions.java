package io.github.speedup.check;

import java.nio.file.Path;

/**
 * How the current run is compared with an earlier one.
 *
 * @param baseline              the earlier speedup.xml, or {@code null} for none
 * @param maxRegressionPercent  against the baseline and the history, a change smaller than this is never a
 *                              regression
 * @param compareWithMaxRegressionPercent against the earlier version measured side by side ({@code compareWith}),
 *                              the paired time ratio's tolerance: smaller than {@code maxRegressionPercent} by
 *                              default, since a ratio paired round by round is known far more precisely than a
 *                              change across runs
 * @param significance          a change is significant when the Mann–Whitney p-value is below this
 * @param compareAcrossMachines compare even when the machine fingerprints differ
 */
public record BaselineOptions(Path baseline, double maxRegressionPercent, double compareWithMaxRegressionPercent,
                              double significance, boolean compareAcrossMachines) {

    public static final BaselineOptions NONE = new BaselineOptions(null, 10, 5, 0.05, false);
}
