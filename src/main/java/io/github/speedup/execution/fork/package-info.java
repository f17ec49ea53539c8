/**
 * Child JVMs: how they are started ({@code JvmLauncher}), the host's handles on them
 * ({@code MeasurementJvm}, {@code ProcessModeExecutor}, {@code ChildJvm}), the child's one main class
 * ({@code ForkedMain}) and the typed protocol between the two ({@code ForkMessage}, one record per
 * message, encoded and decoded by {@code ForkProtocol}). Nothing on a worker's way to its first
 * task uses a lambda: each would cost milliseconds of bootstrap in every worker JVM.
 */
package io.github.speedup.execution.fork;
