/**
 * The measuring loop: takes a plan's measurements one workload at a time, warm-ups then measured
 * iterations, interleaved or in blocks, until each one's sampling rule says stop (where each
 * measurement stands: {@code WorkloadSampling}), in the measurement JVM or fresh worker JVMs, and
 * keeps what was measured when something fails. Knows nothing of reports.
 */
package io.github.speedup.runner;
