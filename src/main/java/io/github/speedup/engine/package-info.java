/**
 * The core API the mojos call: {@code SpeedupEngine} runs configuration, plan, measurements,
 * report model, gate, report files and baseline in that order; {@code SpeedupGate} is the gate on
 * its own; {@code ReportFiles} chooses the writer of each format. Knows Maven not at all.
 */
package io.github.speedup.engine;
