package io.github.speedup.text;

import java.io.IOException;
import java.io.Writer;

/**
 * Makes text safe for every format the plugin writes, and keeps what was there visible. Text from
 * user code and child JVMs (exception messages with ANSI colours, a dying child's last output, a
 * workload name, a system property) may hold characters that XML 1.0 forbids, and one of them makes
 * a whole {@code speedup.xml} unreadable. Each such character is replaced by one visible character,
 * the same in XML, HTML, JSON and Markdown:
 * <ul>
 *   <li>a C0 control other than tab, line feed and carriage return by its Unicode Control Picture,
 *       U+2400 plus its code: ESC (U+001B) becomes {@code ␛}, NUL becomes {@code ␀};</li>
 *   <li>DEL (U+007F), which XML allows but no one can see, by {@code ␡} (U+2421);</li>
 *   <li>the noncharacters U+FFFE and U+FFFF, and a surrogate that is not half of a pair, by the
 *       replacement character {@code �} (U+FFFD).</li>
 * </ul>
 * Every other character stays, tab and line breaks included (each format then escapes them as it
 * must). One character always becomes one, so lengths and budgets counted in {@code char}s hold.
 */
public final class VisibleText {

    /** Where the Unicode Control Pictures start: U+2400 is ␀, U+241B is ␛. */
    private static final char CONTROL_PICTURES = '\u2400';
    /** ␡, the picture of DEL. */
    private static final char DELETE_PICTURE = '\u2421';
    private static final char REPLACEMENT = '\uFFFD';

    private VisibleText() {
    }

    /**
     * The text with every character XML 1.0 forbids, and DEL, replaced visibly.
     *
     * @return {@code text} itself where nothing needed replacing; {@code null} for {@code null}
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToReplace(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(visible(c));
            }
        }
        return out.toString();
    }

    /**
     * A writer that passes everything written to {@code out} through {@link #of}, also across
     * calls: a surrogate pair split over two writes stays a pair. {@link Writer#close() close()}
     * replaces a high surrogate still waiting for its other half and closes {@code out};
     * {@link Writer#flush() flush()} keeps it waiting, since the next write may complete it.
     */
    public static Writer writer(Writer out) {
        return new VisibleWriter(out);
    }

    private static int firstToReplace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (visible(c) != c) {
                return i;
            }
        }
        return -1;
    }

    /** The character shown for {@code c}, which is not half of a surrogate pair. */
    private static char visible(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? c : (char) (CONTROL_PICTURES + c);
        }
        if (c == 0x7F) {
            return DELETE_PICTURE;
        }
        return Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' ? REPLACEMENT : c;
    }

    private static final class VisibleWriter extends Writer {

        private final Writer out;
        /** A high surrogate whose low half may come with the next write; 0 when none waits. */
        private char pendingHigh;

        VisibleWriter(Writer out) {
            super(out);
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            char[] shown = new char[length + 1];
            int count = 0;
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (pendingHigh != 0) {
                    if (Character.isLowSurrogate(c)) {
                        shown[count++] = pendingHigh;
                        shown[count++] = c;
                        pendingHigh = 0;
                        continue;
                    }
                    shown[count++] = REPLACEMENT;
                    pendingHigh = 0;
                }
                if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;
                } else {
                    shown[count++] = visible(c);
                }
            }
            out.write(shown, 0, count);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingHigh != 0) {
                out.write(REPLACEMENT);
                pendingHigh = 0;
            }
            out.close();
        }
    }
}
