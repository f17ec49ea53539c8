/**
 * The work itself: built-in kinds and the project's own classes and methods, as {@code Task}s.
 * Runs in the child JVMs; uses nothing of the plugin's own.
 */
package io.github.speedup.workload;
