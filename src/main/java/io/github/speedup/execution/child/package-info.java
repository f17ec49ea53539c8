/**
 * What every child JVM does alike, whatever its role: how it ends, with every process it started,
 * when its role is done, when user code calls {@code System.exit} and when the host is gone
 * ({@code ChildLifetime}); its heap, collected of what earlier iterations left before a clock starts
 * and kept at the size the work grew it to ({@code HeapKeeping}); a task run and timed in a worker
 * ({@code TaskRun}) and its result as bytes for the host ({@code Results}); the stacks of its threads,
 * virtual ones included ({@code VirtualThreadStacks}).
 */
package io.github.speedup.execution.child;
