/**
 * The modes and how one iteration runs in a JVM: sequential, a pool of platform threads, virtual
 * threads. {@code fork} holds everything about child JVMs. Uses {@code measure} for its probes.
 */
package io.github.speedup.execution;
