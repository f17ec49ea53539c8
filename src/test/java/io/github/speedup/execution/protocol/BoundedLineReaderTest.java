package io.github.speedup.execution.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedLineReaderTest {

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(InputStream in, int limit) throws IOException {
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
        assertEquals(List.of("a", "", "b", "c"), lines(text("a\n\r\nb\r\nc"), 100));
        assertEquals(List.of(), lines(text(""), 100));
        assertEquals(List.of("last line without a break"), lines(text("last line without a break"), 100));
    }

    @Test
    void aLongLineIsCutToTheLimitAndSaysSo() throws IOException {
        assertEquals(List.of("abcde [line cut]", "next"), lines(text("abcdefghij\nnext\n"), 5));
        assertEquals(List.of("abcde"), lines(text("abcde\n"), 5), "exactly the limit is not cut");
    }

    /** A child that prints far more than the buffer without a line break costs the host the limit, no more. */
    @Test
    void endlessOutputWithoutALineBreakIsReadInBoundedMemory() throws IOException {
        long total = 50L << 20;
        InputStream endless = new InputStream() {
            private long left = total;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        BoundedLineReader reader = new BoundedLineReader(endless, 4000);
        assertEquals(4000 + " [line cut]".length(), reader.readLine().length());
        assertNull(reader.readLine());
    }

    @Test
    void framesBetweenLinesCarryEveryByteValueEmptyAndLarge() throws IOException {
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        byte[] large = new byte[3 << 20];
        new java.util.Random(7).nextBytes(large);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write("before\n".getBytes(StandardCharsets.UTF_8));
        stream.write(every);
        stream.write("between ünïcode\n".getBytes(StandardCharsets.UTF_8));
        stream.write(large);
        stream.write("after\n".getBytes(StandardCharsets.UTF_8));
        BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(stream.toByteArray()), 100);
        assertEquals("before", reader.readLine());
        assertArrayEquals(every, reader.readFrame(256), "every byte value, line breaks included, as sent");
        assertEquals("between ünïcode", reader.readLine());
        assertArrayEquals(new byte[0], reader.readFrame(0));
        assertArrayEquals(large, reader.readFrame(large.length), "3 MiB across many buffer fills");
        assertEquals("after", reader.readLine());
        assertNull(reader.readLine());
        assertThrows(EOFException.class, () -> new BoundedLineReader(text("ab"), 10).readFrame(3));
    }
}
