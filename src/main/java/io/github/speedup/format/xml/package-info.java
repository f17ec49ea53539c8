/**
 * {@code speedup.xml}: its writer, its schema (in the jar at
 * {@code io/github/speedup/report/xml/speedup-1.xsd}) and a reader that restores the model and the
 * verdict, so {@code speedup:check} and {@code speedup:report} work from the file alone.
 */
package io.github.speedup.format.xml;
