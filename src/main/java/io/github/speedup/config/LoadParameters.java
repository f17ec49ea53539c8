package io.github.speedup.config;

/**
 * How a run shares the machine, as the user gave it; {@code null} where left out.
 *
 * @param maxForeignLoad       cores of other work an iteration tolerates on average
 * @param maxRetries           iterations taken again per measurement, contaminated or slowed by the host
 * @param lockFile             the file every build on the machine locks while measuring
 * @param lockTimeoutInSeconds how long to wait for it
 */
public record LoadParameters(Double maxForeignLoad, Integer maxRetries, String lockFile,
                             Integer lockTimeoutInSeconds) {

    /** Every default. */
    public static final LoadParameters DEFAULTS = new LoadParameters(null, null, null, null);
}
