package io.github.speedup.execution.fork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The line protocol between the host (Maven) and a forked JVM: how a {@link ForkMessage} becomes
 * a line and back. Every protocol line carries a prefix, so it stays apart from anything else the
 * JVM writes to its standard output (GC logs, agent banners); the child also points
 * {@code System.out} at its standard error, so what workloads print never reaches the channel.
 * After the prefix come the message type and its fields, tab-separated, each escaped so that a
 * tab, a line break or a backslash in a message (a stack trace, a workload name) survives.
 *
 * <p>Used on a worker's way to its first task: no lambdas here, each would cost milliseconds of
 * bootstrap in every worker JVM.
 */
public final class ForkProtocol {

    /** The main-class argument that makes a forked JVM the long-lived measurement JVM. */
    public static final String ROLE_MEASURE = "measure";
    /** The main-class argument that makes a forked JVM one worker of the processes mode. */
    public static final String ROLE_WORKER = "worker";
    /** The main-class argument that makes a forked JVM one warm worker of the pool mode. */
    public static final String ROLE_POOL = "pool";

    static final String PREFIX = "#speedup#";

    private ForkProtocol() {
    }

    /** The line of a message of {@code type} with these fields. */
    static String encode(String type, String... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append('\t').append(type);
        for (String field : fields) {
            line.append('\t').append(escape(field));
        }
        return line.toString();
    }

    /** The length of the frame a FRAME line announces, or -1 for any other line. */
    static int frameLength(String line) {
        if (!line.startsWith(PREFIX + "\t" + ForkMessage.Frame.TYPE + "\t")) {
            return -1;
        }
        try {
            return ((ForkMessage.Frame) decode(line)).length();
        } catch (MalformedMessageException e) {
            return -1;
        }
    }

    /** A message and the frame of raw bytes that came before it, or {@code null} for none. */
    record Framed(ForkMessage message, byte[] frame) {
    }

    /**
     * The next message with its frame, as {@link #write} sends them; {@code null} at the end of
     * the stream. What a forked JVM reads its commands with.
     */
    static Framed read(BoundedLineReader in) throws IOException, MalformedMessageException {
        byte[] frame = null;
        String line;
        while ((line = in.readLine()) != null) {
            ForkMessage message = decode(line);
            if (!(message instanceof ForkMessage.Frame announced)) {
                return new Framed(message, frame);
            }
            frame = in.readFrame(announced.length());
        }
        return null;
    }

    /**
     * Writes a message, after the frame of raw bytes it carries when it has one, as one write
     * with one flush: a reader sees the FRAME line, its bytes, then the message.
     */
    static void write(OutputStream out, ForkMessage message, byte[] frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                (frame == null ? 0 : frame.length) + 128);
        if (frame != null) {
            bytes.write((new ForkMessage.Frame(frame.length).encode() + "\n").getBytes(
                    StandardCharsets.UTF_8));
            bytes.write(frame);
        }
        bytes.write((message.encode() + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeTo(out);
        out.flush();
    }

    static boolean isProtocolLine(String line) {
        return line.startsWith(PREFIX + "\t");
    }

    /**
     * The message a protocol line carries.
     *
     * @throws MalformedMessageException for a line that is not a complete, known message
     */
    static ForkMessage decode(String line) throws MalformedMessageException {
        if (!isProtocolLine(line)) {
            throw new MalformedMessageException("not a protocol line: " + line);
        }
        String[] raw = line.substring(PREFIX.length() + 1).split("\t", -1);
        Fields fields = new Fields(raw);
        ForkMessage message = switch (raw[0]) {
            case ForkMessage.Hello.TYPE -> ForkMessage.Hello.decode(fields);
            case ForkMessage.DefineWorkload.TYPE -> ForkMessage.DefineWorkload.decode(fields);
            case ForkMessage.Defined.TYPE -> new ForkMessage.Defined();
            case ForkMessage.RunIteration.TYPE -> ForkMessage.RunIteration.decode(fields);
            case ForkMessage.IterationSample.TYPE -> ForkMessage.IterationSample.decode(fields);
            case ForkMessage.Failed.TYPE -> new ForkMessage.Failed(fields.text());
            case ForkMessage.Exit.TYPE -> new ForkMessage.Exit();
            case ForkMessage.ExitCalled.TYPE -> new ForkMessage.ExitCalled(fields.text());
            case ForkMessage.Started.TYPE -> new ForkMessage.Started();
            case ForkMessage.Done.TYPE -> ForkMessage.Done.decode(fields);
            case ForkMessage.RunTask.TYPE -> ForkMessage.RunTask.decode(fields);
            case ForkMessage.TaskDone.TYPE -> ForkMessage.TaskDone.decode(fields);
            case ForkMessage.Frame.TYPE -> ForkMessage.Frame.decode(fields);
            default -> throw new MalformedMessageException("unknown message type " + raw[0] + " in: " + line);
        };
        fields.end(line);
        return message;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The fields of one line after its type, read in order; a message reads exactly as many as it wrote. */
    static final class Fields {
        private final String[] raw;
        private int next = 1;

        Fields(String[] raw) {
            this.raw = raw;
        }

        String text() throws MalformedMessageException {
            if (next >= raw.length) {
                throw new MalformedMessageException(raw[0] + " has " + (raw.length - 1) + " fields, more expected");
            }
            return unescape(raw[next++]);
        }

        int integer() throws MalformedMessageException {
            long value = number();
            if (value != (int) value) {
                throw new MalformedMessageException(raw[0] + " has " + value + " where a smaller whole number belongs");
            }
            return (int) value;
        }

        long number() throws MalformedMessageException {
            String text = text();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new MalformedMessageException(raw[0] + " has '" + text + "' where a whole number belongs");
            }
        }

        void end(String line) throws MalformedMessageException {
            if (next != raw.length) {
                throw new MalformedMessageException(raw[0] + " has " + (raw.length - 1) + " fields, " + (next - 1)
                        + " expected: " + line);
            }
        }
    }

    /** A line that claims to be a protocol message but is not one this version knows. */
    static final class MalformedMessageException extends Exception {
        MalformedMessageException(String message) {
            super(message);
        }
    }
}
