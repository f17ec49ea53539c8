/**
 * The processes mode: W fresh worker JVMs in every iteration, the tasks dealt out to them round-robin.
 * The host's executor ({@code ProcessModeExecutor}), a worker's share as its arguments
 * ({@code WorkerAssignment}), and the worker in the child ({@code Worker}).
 */
package io.github.speedup.execution.processes;
