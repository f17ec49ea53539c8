package bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Fixture 3, a JDK class that serialises: every task appends pages of 256 Ki chars to one shared
 * {@link StringBuffer}, whose methods are synchronized; copying a page takes tens of microseconds, so
 * the other worker blocks that long. The lock is the JDK's class, the culprit frame the user's caller,
 * {@code Journal.write}.
 */
public final class Journal implements Callable<Integer> {

    private static final char[] PAGE = new char[1 << 18];
    private static final int LIMIT = 1 << 22;
    private static final StringBuffer BUFFER = new StringBuffer(LIMIT + PAGE.length);

    static {
        Arrays.fill(PAGE, 'x');
    }

    @Override
    public Integer call() {
        int length = 0;
        for (int i = 0; i < 300; i++) {
            length += write();
        }
        return length;
    }

    private static int write() {
        BUFFER.append(PAGE);
        if (BUFFER.length() > LIMIT) {
            BUFFER.setLength(0);
        }
        return BUFFER.length();
    }
}
