/**
 * The one main class of every child JVM the plugin starts ({@code ForkedMain}): it opens the protocol
 * channel, reports a {@code System.exit} of user code, and hands over to the role its arguments name,
 * the measurement JVM's loop ({@code injvm}), a fresh worker ({@code processes}), a warm pool worker
 * ({@code pool}), a cluster member or the cluster's driver ({@code cluster}). It is the only room that
 * knows every mode's child code, and none knows it: the launcher names it by its class name, which
 * scripts and tests that look for the plugin's JVMs name too.
 *
 * <p>Nothing on a worker's way to its first task uses a lambda or a string concatenation: each
 * invokedynamic bootstrap would cost milliseconds in every worker JVM.
 */
package io.github.speedup.execution.fork;
