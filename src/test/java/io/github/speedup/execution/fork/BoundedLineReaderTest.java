package io.github.speedup.execution.fork;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedLineReaderTest {

    private static List<String> lines(Reader in, int limit) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, limit);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void splitsOnLineFeedsAndDropsCarriageReturns() throws IOException {
        assertEquals(List.of("a", "", "b", "c"), lines(new StringReader("a\n\r\nb\r\nc"), 100));
        assertEquals(List.of(), lines(new StringReader(""), 100));
        assertEquals(List.of("last line without a break"), lines(new StringReader("last line without a break"), 100));
    }

    @Test
    void aLongLineIsCutToTheLimitAndSaysSo() throws IOException {
        assertEquals(List.of("abcde [line cut]", "next"), lines(new StringReader("abcdefghij\nnext\n"), 5));
        assertEquals(List.of("abcde"), lines(new StringReader("abcde\n"), 5), "exactly the limit is not cut");
    }

    /** A child that prints far more than the buffer without a line break costs the host the limit, no more. */
    @Test
    void endlessOutputWithoutALineBreakIsReadInBoundedMemory() throws IOException {
        long total = 50L << 20;
        Reader endless = new Reader() {
            private long left = total;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        BoundedLineReader reader = new BoundedLineReader(endless, 4000);
        assertEquals(4000 + " [line cut]".length(), reader.readLine().length());
        assertNull(reader.readLine());
    }
}
