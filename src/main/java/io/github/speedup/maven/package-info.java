/**
 * The goals, as Maven sees them: each mojo reads its parameters into a parameters record, calls
 * the core API in {@code engine} and turns its exceptions into Maven's. {@code skip} is handled once,
 * in the common base. Nothing here is worth a unit test that the core's tests do not already hold.
 * May use every other package; none uses this one.
 */
package io.github.speedup.maven;
