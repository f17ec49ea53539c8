/**
 * Child JVMs: how they are started ({@code JvmLauncher}), the host's handles on them
 * ({@code MeasurementJvm}, {@code ProcessModeExecutor}, {@code WorkerPool}, {@code HazelcastCluster},
 * {@code ChildJvm}), the
 * child's one main class ({@code ForkedMain}) and the typed protocol between the two
 * ({@code ForkMessage}, one record per message, encoded and decoded by {@code ForkProtocol}).
 *
 * <p>The protocol has a channel of its own, as in Surefire 3 and JMH ({@code HostChannel} on the
 * host, {@code ChildChannel} in the child, told by its last two arguments): on a POSIX host file
 * descriptors 3 (commands) and 4 (messages), which {@code /bin/sh} hands over before it runs the
 * JVM in its place ({@code DescriptorChannel}), free for a fresh JVM to open; elsewhere a
 * connection to 127.0.0.1 on an ephemeral port, on which the child first presents a random session
 * token ({@code LoopbackChannel}), which costs a fresh JVM 15-35 ms of networking start-up. The
 * child's standard input is empty, and what it writes to its standard output and error, user code
 * and native code alike, is forwarded to the log. A line on the channel that is not a message, or a
 * message that was not expected, fails the waiting call at once, naming the child and showing the
 * line.
 *
 * <p>No process a child starts outlives the build: a child ends its descendants before it exits,
 * when user code calls {@code System.exit}, and when it notices the host gone (polling its parent,
 * or its channel closing); the host kills a child's tree, descendants first, on a timeout or a
 * failure to talk, and from a shutdown hook when Maven is interrupted. What was re-parented to PID 1
 * before that (a helper a shell put in the background) is found by the run's cookie in its
 * environment ({@code ProcessCookie}) and ended when the run ends, or from the same hook. A child
 * ends when the plugin is done with it, whatever non-daemon threads user code left.
 *
 * <p>The cluster mode lives here too, since its JVMs are children like the others, started by the
 * same launcher, spoken to in the same protocol and ended by the same guarantees: {@code HazelcastCluster}
 * on the host starts W Hazelcast members ({@code ClusterMember}) and a client ({@code ClusterDriver}),
 * or only the client for an existing cluster ({@code ClusterConnection}); the client submits
 * {@code ClusterTask}s to the cluster's executor service. Only the member and the driver touch
 * Hazelcast, which is on the cluster JVMs' class path alone, never on Maven's.
 *
 * <p>Nothing on a worker's way to its first task uses a lambda or a string concatenation: each
 * invokedynamic bootstrap would cost milliseconds in every worker JVM.
 */
package io.github.speedup.execution.fork;
