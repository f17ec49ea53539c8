package io.github.speedup.execution.fork;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code limit} characters; the rest of a longer line is skipped. A child
 * that prints megabytes without a line break costs the host {@code limit} characters, no more.
 */
final class BoundedLineReader {

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int filled;

    BoundedLineReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its terminator, cut to the limit; {@code null} at the end of the stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean truncated = false;
        while (true) {
            if (position == filled) {
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return line.length() == 0 && !truncated ? null : finish(line, truncated);
                }
            }
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, truncated);
            }
            if (line.length() < limit) {
                line.append(c);
            } else {
                truncated = true;
            }
        }
    }

    private static String finish(StringBuilder line, boolean truncated) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return truncated ? line.append(" [line cut]").toString() : line.toString();
    }
}
