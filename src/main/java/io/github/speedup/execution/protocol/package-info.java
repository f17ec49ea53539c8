/**
 * What the host and a child JVM say to each other, and on what: the typed protocol ({@code ForkMessage},
 * one record per message, encoded and decoded by {@code ForkProtocol}), the failures it carries
 * ({@code Failures}), and its channel, as in Surefire 3 and JMH ({@code HostChannel} on the host,
 * {@code ChildChannel} in the child, told by its last two arguments): on a POSIX host file descriptors
 * 3 (commands) and 4 (messages), which {@code /bin/sh} hands over before it runs the JVM in its place
 * ({@code DescriptorChannel}), free for a fresh JVM to open; elsewhere a connection to 127.0.0.1 on an
 * ephemeral port, on which the child first presents a random session token ({@code LoopbackChannel}),
 * which costs a fresh JVM 15-35 ms of networking start-up. Lines are read bounded
 * ({@code BoundedLineReader}). A line on the channel that is not a message, or a message that was not
 * expected, fails the waiting call at once, naming the child and showing the line.
 */
package io.github.speedup.execution.protocol;
