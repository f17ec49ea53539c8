/**
 * What the Maven log shows: progress lines while measuring and one table per workload after.
 */
package io.github.speedup.format.console;
