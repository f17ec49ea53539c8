/**
 * The in-JVM modes, sequential, threads and virtual, in the measurement JVM: a forked JVM warm for the
 * whole run, with the user's JVM flags and a heap Maven does not share. The host's handle on it and its
 * executor ({@code MeasurementJvm}), its loop in the child ({@code MeasurementServer}), and how one
 * iteration runs there and is measured ({@code InJvmExecutor}).
 */
package io.github.speedup.execution.injvm;
