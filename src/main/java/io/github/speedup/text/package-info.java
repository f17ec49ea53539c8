/**
 * Text as every file the plugin writes can hold it: the one rule for characters that user code,
 * child JVMs or the machine may hand over but that XML 1.0 forbids; and sizes in bytes as people
 * read them. Uses nothing; every layer may use it.
 */
package io.github.speedup.text;
