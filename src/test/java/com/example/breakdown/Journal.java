package com.example.breakdown;

import java.util.Arrays;

/**
 * A shared {@link StringBuffer}, which serialises its callers in the JDK's code: the monitor is the
 * JDK's class, the culprit frame {@code Journal.write}.
 */
public final class Journal {

    /** A page long enough that copying it takes tens of microseconds: the others block that long. */
    private static final char[] PAGE = new char[1 << 18];
    private static final int LIMIT = 1 << 22;

    private final StringBuffer buffer = new StringBuffer(LIMIT + PAGE.length);

    static {
        Arrays.fill(PAGE, 'x');
    }

    public void write() {
        buffer.append(PAGE);
        if (buffer.length() > LIMIT) {
            buffer.setLength(0);
        }
    }
}
