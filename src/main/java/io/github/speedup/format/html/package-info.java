/**
 * {@code index.html}: one self-contained page (inline style and SVG charts, no script, no
 * network). Every user-provided string is escaped.
 */
package io.github.speedup.format.html;
