/**
 * The modes' seam: {@link io.github.speedup.execution.Mode}, whose constants carry what sets one mode
 * apart from another (separate JVMs, when they start, the Java release it needs, what the host-speed
 * watch reads of it), and {@link io.github.speedup.execution.ModeExecutor}, which runs one
 * measurement's iterations in a mode and which every mode's executor implements. The failures an
 * executor throws are here too. Each mode's executor lives in a room of its own below: {@code injvm}
 * (sequential, threads, virtual), {@code processes}, {@code pool}, {@code cluster}; the rooms share
 * {@code launch} (starting child JVMs), {@code protocol} (what host and child say) and {@code child}
 * (what every child JVM does alike); {@code fork} holds the child's one main class. This package uses
 * none of them.
 */
package io.github.speedup.execution;
