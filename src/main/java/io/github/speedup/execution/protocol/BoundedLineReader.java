package io.github.speedup.execution.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines of at most {@code limit} bytes from a byte stream, the rest of a longer line
 * skipped, so a child that prints megabytes without a line break costs the host {@code limit}
 * bytes, no more; and, between lines, raw frames of a known length: the protocol's binary-safe
 * way to move a task's input and result (see {@link ForkMessage.Frame}). Lines and frames share
 * one buffer, so neither reads ahead into the other.
 */
public final class BoundedLineReader {

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int filled;
    /** Bytes taken from the stream by {@link #readLine}, terminators and cut parts included. */
    private long lineBytes;

    public BoundedLineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its terminator, cut to the limit; {@code null} at the end of the stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean truncated = false;
        while (true) {
            if (position == filled && !fill()) {
                return line.size() == 0 && !truncated ? null : finish(line, truncated);
            }
            byte b = buffer[position++];
            lineBytes++;
            if (b == '\n') {
                return finish(line, truncated);
            }
            if (line.size() < limit) {
                line.write(b);
            } else {
                truncated = true;
            }
        }
    }

    /**
     * Bytes the lines read so far took from the stream, their terminators and the parts cut from long
     * ones included: what a child wrote, where a line shows at most {@code limit} of it.
     */
    public long lineBytes() {
        return lineBytes;
    }

    /** Exactly {@code length} raw bytes. */
    public byte[] readFrame(int length) throws IOException {
        byte[] frame = new byte[length];
        int done = 0;
        while (done < length) {
            if (position == filled && !fill()) {
                throw new EOFException("the stream ended " + (length - done) + " bytes before the end of a frame of "
                        + length);
            }
            int n = Math.min(length - done, filled - position);
            System.arraycopy(buffer, position, frame, done, n);
            position += n;
            done += n;
        }
        return frame;
    }

    private boolean fill() throws IOException {
        filled = in.read(buffer);
        position = 0;
        if (filled <= 0) {
            filled = 0;
            return false;
        }
        return true;
    }

    private static String finish(ByteArrayOutputStream bytes, boolean truncated) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return truncated ? line + " [line cut]" : line;
    }
}
