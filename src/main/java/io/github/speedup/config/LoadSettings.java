package io.github.speedup.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a run shares the machine, validated.
 *
 * @param maxForeignLoad cores of other work an iteration tolerates on average before it is contaminated
 * @param maxRetries     iterations taken again per measurement, contaminated or slowed by the host
 * @param lockFile       the file every build on the machine locks while measuring
 * @param lockTimeout    how long to wait for it before failing
 */
public record LoadSettings(double maxForeignLoad, int maxRetries, Path lockFile, Duration lockTimeout) {
}
