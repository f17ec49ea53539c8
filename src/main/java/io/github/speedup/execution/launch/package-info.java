/**
 * How child JVMs are started and owned by the host: one launcher for every JVM of a run, the same java,
 * flags, class path and working directory for every mode ({@code JvmLauncher}, from validated
 * {@code ForkSettings}, the cluster's place among them: {@code ClusterConnection}); the host's handle on
 * one child ({@code ChildJvm}), its output drained and forwarded to the log ({@code ChildOutput},
 * {@code OutputDrain}), a few lines per child and workload ({@code OutputBound}), and its threads
 * dumped when it must be killed ({@code ThreadDump}).
 *
 * <p>No process a child starts outlives the build: the host kills a child's tree, descendants first,
 * on a timeout or a failure to talk, and from a shutdown hook when Maven is interrupted
 * ({@code LiveChildren}). What was re-parented to PID 1 before that (a helper a shell put in the
 * background) is found by the run's cookie in its environment ({@code ProcessCookie}) and ended when
 * the run ends, or from the same hook.
 */
package io.github.speedup.execution.launch;
