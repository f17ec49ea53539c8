package io.github.speedup.format.html;

import io.github.speedup.text.VisibleText;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Where a page is written to, and escaping for text and attribute values in HTML and inline SVG. */
final class Html {

    private Html() {
    }

    /**
     * The page's UTF-8 text, every character through {@link VisibleText}: what {@link #escape}
     * leaves alone (a NUL or an ANSI escape in an exception message) is shown as the other formats
     * show it, whichever part of the page it lands in. Flushing it writes the page into {@code out}.
     */
    static Writer page(OutputStream out) {
        return VisibleText.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
