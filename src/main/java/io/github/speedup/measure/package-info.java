/**
 * Probes and what they read: one iteration's {@code Sample} (wall, CPU, memory, start-up, GC time),
 * the JVM that ran the workloads and the machine ({@code Environment}, with its fingerprint).
 * Uses nothing of the plugin's own.
 */
package io.github.speedup.measure;
