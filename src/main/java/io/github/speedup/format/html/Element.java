package io.github.speedup.format.html;

import java.util.regex.Pattern;

/**
 * One HTML element, built in reading order: its attributes, then its content. Text and attribute
 * values are escaped as they are added, so a caller cannot put a user's string into the page
 * unescaped; markup enters only as other elements, as a line break, or as a chart that
 * {@link Svg} wrote (and escaped). Element and attribute names must be plain lower-case words:
 * they are the page's vocabulary, never data.
 */
final class Element {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final String name;
    private final boolean empty;
    private final StringBuilder attributes = new StringBuilder();
    private final StringBuilder content = new StringBuilder();

    private Element(String name, boolean empty) {
        this.name = checked(name);
        this.empty = empty;
    }

    /** An element with content and an end tag, such as {@code p} or {@code td}. */
    static Element of(String name) {
        return new Element(name, false);
    }

    /** An element of a CSS class, such as {@code <td class="text">}. */
    static Element of(String name, String cssClass) {
        return of(name).cls(cssClass);
    }

    /** A void element, such as {@code br} or {@code meta}: attributes only, no end tag. */
    static Element empty(String name) {
        return new Element(name, true);
    }

    /** @param value escaped here; {@code null} gives an empty value */
    Element attr(String attribute, Object value) {
        attributes.append(' ').append(checked(attribute)).append("=\"").append(Html.escape(string(value)))
                .append('"');
        return this;
    }

    Element cls(String cssClass) {
        return attr("class", cssClass);
    }

    Element id(String id) {
        return attr("id", id);
    }

    /** @param text escaped here; {@code null} adds nothing */
    Element text(Object text) {
        return append(Html.escape(string(text)));
    }

    /** Adds the child as it is now: later changes to it do not reach this element. */
    Element add(Element child) {
        return append(child.toString());
    }

    /** Adds the child and a newline after it: a block inside a block. */
    Element line(Element child) {
        return add(child).nl();
    }

    /** A line break inside the text. */
    Element br() {
        return append("<br>");
    }

    /** A newline in the source between children, which keeps the page readable as text. */
    Element nl() {
        return append("\n");
    }

    /** An inline SVG chart as {@link Svg} wrote it: Svg escapes every text and tooltip it draws. */
    Element svg(String chart) {
        return append(chart);
    }

    @Override
    public String toString() {
        return "<" + name + attributes + ">" + (empty ? "" : content + "</" + name + ">");
    }

    private Element append(String markup) {
        if (empty) {
            throw new IllegalStateException("<" + name + "> is a void element and has no content");
        }
        content.append(markup);
        return this;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is no element or attribute name: lower-case letters, "
                    + "digits and dashes, starting with a letter");
        }
        return name;
    }
}
