/**
 * Statistics on raw numbers, with commons-math3: summaries and their intervals, the bootstrap of a
 * speedup, scaling models. Knows nothing of the plugin's types.
 */
package io.github.speedup.stats;
