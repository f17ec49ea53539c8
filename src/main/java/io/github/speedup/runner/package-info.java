/**
 * The measuring loop: takes a plan's measurements one workload at a time, warm-ups then measured
 * iterations, interleaved or in blocks, until each one's sampling rule says stop (where each
 * measurement stands: {@code WorkloadSampling}), the results that decide the reading first, within
 * each workload's budget ({@code WorkloadClock}: everything counts, retakes and waits for quiet
 * included), in the measurement JVM or fresh worker JVMs, and keeps what was measured when something
 * fails. With an earlier version to compare with, its side
 * runs in JVMs of its own, paired with this build's round by round; a workload that does not link
 * against it is not compared, and the run goes on. Knows nothing of reports.
 */
package io.github.speedup.runner;
