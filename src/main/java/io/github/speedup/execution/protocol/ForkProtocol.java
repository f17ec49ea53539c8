package io.github.speedup.execution.protocol;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.LineFields;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The line protocol between the host (Maven) and a forked JVM: how a {@link ForkMessage} becomes
 * a line and back. The lines travel on a channel of their own, a TCP connection on the loopback
 * interface that the host listens for and the child opens first thing, presenting a session
 * token ({@code HostChannel}, {@link ChildChannel}); this is how Surefire 3 and JMH keep their
 * fork links apart from the child's standard streams. So native code, {@code FileDescriptor.out}
 * or an {@code inheritIO()} subprocess writing to file descriptor 1 cannot glue text to a
 * message, and a task reading {@code System.in} reads an empty stream, not the commands.
 * Every line starts with a prefix and the message type, then its fields, tab-separated, each
 * escaped so that a tab, a line break or a backslash in a message (a stack trace, a workload
 * name) survives. Anything else on the channel is a broken protocol, reported at once with the
 * line as it came ({@link #visible}).
 *
 * <p>Used on a worker's way to its first task: no lambdas here, each would cost milliseconds of
 * bootstrap in every worker JVM.
 */
public final class ForkProtocol {

    /** Longest protocol line kept: a failure with its stack frames fits many times over. */
    public static final int LINE_LIMIT = 1 << 20;

    /** The main-class argument that makes a forked JVM the long-lived measurement JVM. */
    public static final String ROLE_MEASURE = "measure";
    /** The main-class argument that makes a forked JVM one worker of the processes mode. */
    public static final String ROLE_WORKER = "worker";
    /** The main-class argument that makes a forked JVM one warm worker of the pool mode. */
    public static final String ROLE_POOL = "pool";
    /** The main-class argument that makes a forked JVM one Hazelcast member of the cluster mode. */
    public static final String ROLE_MEMBER = "member";
    /** The main-class argument that makes a forked JVM the cluster mode's Hazelcast client. */
    public static final String ROLE_DRIVER = "driver";

    static final String PREFIX = "#speedup#";

    private ForkProtocol() {
    }

    /** The line of a message of {@code type} with these fields. */
    public static String encode(String type, String... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append('\t').append(type);
        for (String field : fields) {
            line.append('\t').append(LineFields.escape(field));
        }
        return line.toString();
    }

    /** Characters of a broken line shown in an error: enough to recognise it, short enough for a log. */
    static final int VISIBLE_CHARACTERS = 200;

    /** A message and the frame of raw bytes that came before it, or {@code null} for none. */
    public record Framed(ForkMessage message, byte[] frame) {
    }

    /**
     * The next message with its frame, as {@link #write} sends them; {@code null} at the end of
     * the stream. What a forked JVM reads its commands with.
     */
    public static Framed read(BoundedLineReader in) throws IOException, MalformedMessageException {
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
    public static void write(OutputStream out, ForkMessage message, byte[] frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                (frame == null ? 0 : frame.length) + 128);
        if (frame != null) {
            bytes.write(new ForkMessage.Frame(frame.length).encode().getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
            bytes.write(frame);
        }
        // No string concatenation here: its invokedynamic bootstrap costs a fresh JVM milliseconds.
        bytes.write(message.encode().getBytes(StandardCharsets.UTF_8));
        bytes.write('\n');
        bytes.writeTo(out);
        out.flush();
    }

    /**
     * A line as it arrived, for an error message: in quotes, cut to {@link #VISIBLE_CHARACTERS},
     * with every character a log or a report would hide or choke on (controls, a quote, a
     * backslash, format characters, lone surrogates) written as a Java escape.
     */
    public static String visible(String line) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(line.length(), VISIBLE_CHARACTERS);
        int i = 0;
        while (i < shown) {
            int c = line.codePointAt(i);
            int width = Character.charCount(c);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                            || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE) {
                        for (int unit = i; unit < i + width; unit++) {
                            out.append(String.format("\\u%04x", (int) line.charAt(unit)));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += width;
        }
        out.append('"');
        if (i < line.length()) {
            out.append(" and ").append(line.length() - i).append(" more characters");
        }
        return out.toString();
    }

    static boolean isProtocolLine(String line) {
        return line.startsWith(PREFIX + "\t");
    }

    /**
     * The message a protocol line carries.
     *
     * @throws MalformedMessageException for a line that is not a complete, known message
     */
    public static ForkMessage decode(String line) throws MalformedMessageException {
        if (!isProtocolLine(line)) {
            throw new MalformedMessageException("not a protocol line");
        }
        String[] raw = line.substring(PREFIX.length() + 1).split("\t", -1);
        Fields fields = new Fields(raw);
        ForkMessage message = switch (raw[0]) {
            case ForkMessage.Hello.TYPE -> ForkMessage.Hello.decode(fields);
            case ForkMessage.DefineWorkload.TYPE -> ForkMessage.DefineWorkload.decode(fields);
            case ForkMessage.Defined.TYPE -> new ForkMessage.Defined();
            case ForkMessage.RunIteration.TYPE -> ForkMessage.RunIteration.decode(fields);
            case ForkMessage.IterationSample.TYPE -> ForkMessage.IterationSample.decode(fields);
            case ForkMessage.Diagnose.TYPE -> ForkMessage.Diagnose.decode(fields);
            case ForkMessage.Diagnosed.TYPE -> ForkMessage.Diagnosed.decode(fields);
            case ForkMessage.DiagnoseShare.TYPE -> ForkMessage.DiagnoseShare.decode(fields);
            case ForkMessage.SetUpRecorder.TYPE -> new ForkMessage.SetUpRecorder();
            case ForkMessage.RecorderSetUp.TYPE -> ForkMessage.RecorderSetUp.decode(fields);
            case ForkMessage.Failed.TYPE -> new ForkMessage.Failed(fields.text(), fields.text());
            case ForkMessage.Exit.TYPE -> new ForkMessage.Exit();
            case ForkMessage.ExitCalled.TYPE -> new ForkMessage.ExitCalled(fields.text());
            case ForkMessage.Started.TYPE -> new ForkMessage.Started();
            case ForkMessage.Ready.TYPE -> ForkMessage.Ready.decode(fields);
            case ForkMessage.Go.TYPE -> new ForkMessage.Go();
            case ForkMessage.Prepare.TYPE -> ForkMessage.Prepare.decode(fields);
            case ForkMessage.Done.TYPE -> ForkMessage.Done.decode(fields);
            case ForkMessage.RunTask.TYPE -> ForkMessage.RunTask.decode(fields);
            case ForkMessage.TaskDone.TYPE -> ForkMessage.TaskDone.decode(fields);
            case ForkMessage.Frame.TYPE -> ForkMessage.Frame.decode(fields);
            case ForkMessage.ClusterSample.TYPE -> ForkMessage.ClusterSample.decode(fields);
            case ForkMessage.Connected.TYPE -> ForkMessage.Connected.decode(fields);
            case ForkMessage.ClusterKeys.TYPE -> new ForkMessage.ClusterKeys(fields.text(), fields.text());
            default -> throw new MalformedMessageException("unknown message type " + visible(raw[0]));
        };
        fields.end();
        return message;
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
            return LineFields.unescape(raw[next++]);
        }

        /** A mode by its id: "RUN has an unknown mode turbo". */
        Mode mode() throws MalformedMessageException {
            String id = text();
            Mode mode = Mode.fromId(id).orElse(null);
            if (mode == null) {
                throw new MalformedMessageException(raw[0] + " has an unknown mode " + id);
            }
            return mode;
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

        void end() throws MalformedMessageException {
            if (next != raw.length) {
                throw new MalformedMessageException(raw[0] + " has " + (raw.length - 1) + " fields, " + (next - 1)
                        + " expected");
            }
        }
    }

    /** A line that claims to be a protocol message but is not one this version knows. */
    public static final class MalformedMessageException extends Exception {
        MalformedMessageException(String message) {
            super(message);
        }
    }
}
