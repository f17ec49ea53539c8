package io.github.speedup.check;

import java.nio.file.Path;

/**
 * How the current run is compared with an earlier one.
 *
 * @param baseline              the earlier speedup.xml, or {@code null} for none
 * @param maxRegressionPercent  a change smaller than this is never a regression
 * @param significance          a change is significant when the Mann–Whitney p-value is below this
 * @param compareAcrossMachines compare even when the machine fingerprints differ
 */
public record BaselineOptions(Path baseline, double maxRegressionPercent, double significance,
                              boolean compareAcrossMachines) {

    public static final BaselineOptions NONE = new BaselineOptions(null, 10, 0.05, false);
}
