/**
 * {@code index.html}: one self-contained page (the style of {@code speedup.css} inlined, SVG charts,
 * no script, no network), written as one {@code Section} class per part
 * of the page. The sections build {@code Element}s, which escape every
 * text and attribute value as it is added; the charts' {@code Svg} escapes its own text.
 */
package io.github.speedup.format.html;
