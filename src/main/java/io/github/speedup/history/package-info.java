/**
 * The runs kept per testbed between builds: an append-only folder of reports the gate compares
 * with and the trend charts draw. Sits above the formats, whose XML it stores, and below the engine.
 */
package io.github.speedup.history;
