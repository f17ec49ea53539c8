package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One forked JVM seen from the host: protocol lines in (time-stamped on arrival, so a slow
 * reader does not distort start-up times), commands out, everything else it writes forwarded
 * with a bound, and the tail of its standard error kept for the message if it dies.
 */
final class ChildJvm implements AutoCloseable {

    /** Lines of non-protocol output forwarded per child; past that they are counted, not kept. */
    static final int FORWARDED_LINES = 200;
    /** Lines of a child's own output (HotSpot writes its fatal errors to stdout) kept for the message if it dies. */
    static final int OUTPUT_TAIL_LINES = 15;
    /** Longest protocol line kept: a failure with its stack frames fits many times over. */
    static final int PROTOCOL_LINE_LIMIT = 1 << 20;
    /** Longest line of a child's other output kept for the log. */
    static final int OUTPUT_LINE_LIMIT = 4000;

    /**
     * A protocol message with the host's {@link System#nanoTime()} when its line arrived, and the
     * frame of raw bytes that came with it, or {@code null}.
     */
    record Received<T extends ForkMessage>(T message, long arrivedNanos, byte[] frame) {
    }

    /** A protocol line as it arrived; decoded by the thread that waits for it, which can report a bad one. */
    private record Line(String text, long arrivedNanos, byte[] frame) {
    }

    private static final Line END_OF_STREAM = new Line("", 0, null);

    private final String label;
    /** Put before a task failure's description: the worker's label, or nothing for the measurement JVM. */
    private final String failurePrefix;
    private final Process process;
    private final OutputStream commands;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Deque<String> outputTail = new ArrayDeque<>();
    private final List<Thread> readers = new ArrayList<>(2);
    private final ChildOutput output;
    /** Where user code called System.exit, when the child said so on its way out. */
    private volatile String exitCalledAt;
    private int forwarded;
    private int dropped;

    private ChildJvm(String label, String failurePrefix, Process process, ChildOutput output) {
        this.label = label;
        this.failurePrefix = failurePrefix;
        this.process = process;
        this.output = output;
        this.commands = process.getOutputStream();
        readers.add(pump(process.getInputStream(), true));
        readers.add(pump(process.getErrorStream(), false));
    }

    /**
     * @param failurePrefix put before the description of a failure the child reports: where it
     *                      matters which child failed, its label
     */
    static ChildJvm start(String label, String failurePrefix, ProcessBuilder builder, ChildOutput output)
            throws ForkException {
        List<String> command = builder.command();
        try {
            Process process = builder.start();
            LiveChildren.add(process);
            return new ChildJvm(label, failurePrefix, process, output);
        } catch (IOException e) {
            throw new ForkException("could not start " + label + " with " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The child's whole process CPU time so far (clock ticks), or 0 where the OS does not tell. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    void send(ForkMessage message) throws ForkException {
        send(message, null);
    }

    /** Sends a message with a frame of raw bytes (a task's input), or none for {@code null}. */
    void send(ForkMessage message, byte[] frame) throws ForkException {
        try {
            ForkProtocol.write(commands, message, frame);
        } catch (IOException e) {
            throw died("before it could take a command");
        }
    }

    /**
     * The next message, which must be of {@code type}, waiting at most {@code timeout}. A
     * {@link ForkMessage.Failed} becomes the task failure it reports; anything else unexpected
     * ends the child.
     */
    <T extends ForkMessage> Received<T> expect(Class<T> type, Duration timeout, String waitingFor)
            throws ForkException, TaskFailedException {
        Received<ForkMessage> received = next(timeout, waitingFor);
        if (received.message() instanceof ForkMessage.Failed failed) {
            throw new TaskFailedException(failurePrefix + failed.description().strip(), null);
        }
        if (!type.isInstance(received.message())) {
            close();
            throw new ForkException(label + " answered " + received.message().encode() + " where "
                    + type.getSimpleName() + " was expected");
        }
        return new Received<>(type.cast(received.message()), received.arrivedNanos(), received.frame());
    }

    private Received<ForkMessage> next(Duration timeout, String waitingFor) throws ForkException {
        Line line;
        try {
            line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ForkException("interrupted while waiting for " + label + " " + waitingFor);
        }
        if (line == null) {
            close();
            throw new ForkException(label + " did not finish " + waitingFor + " within forkedProcessTimeoutInSeconds="
                    + timeout.toSeconds() + " s; it was killed with its descendants");
        }
        if (line == END_OF_STREAM) {
            throw died("during " + waitingFor);
        }
        ForkMessage message;
        try {
            message = ForkProtocol.decode(line.text());
        } catch (ForkProtocol.MalformedMessageException e) {
            close();
            throw new ForkException(label + " broke the protocol during " + waitingFor + ": " + e.getMessage());
        }
        if (message instanceof ForkMessage.ExitCalled exitCalled) {
            exitCalledAt = exitCalled.caller();
            return next(timeout, waitingFor);
        }
        return new Received<>(message, line.arrivedNanos(), line.frame());
    }

    /** Waits for a normal exit after the child said it is done. */
    void awaitExit(Duration timeout) throws ForkException {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                close();
                throw new ForkException(label + " did not exit within forkedProcessTimeoutInSeconds="
                        + timeout.toSeconds() + " s; it was killed with its descendants");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ForkException("interrupted while waiting for " + label + " to exit");
        }
        LiveChildren.killTree(process);
        if (process.exitValue() != 0) {
            throw died("after its last task");
        }
    }

    private ForkException died(String when) {
        int exitCode;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            exitCode = process.isAlive() ? Integer.MIN_VALUE : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = Integer.MIN_VALUE;
        }
        awaitReaders();
        close();
        String exit = exitCode == Integer.MIN_VALUE ? "closed its output" : "exited with code " + exitCode;
        String caller = exitCalledAt == null ? "" : " (System.exit was called " + exitCalledAt.strip() + ")";
        return new ForkException(label + " " + exit + " " + when + caller + "; last lines of its output:\n"
                + outputTail());
    }

    private String outputTail() {
        synchronized (outputTail) {
            return outputTail.isEmpty() ? "    (nothing)" : "    " + String.join("\n    ", outputTail);
        }
    }

    /** A dead child's last words may still be in the pipes: let the readers drain them, briefly. */
    private void awaitReaders() {
        for (Thread reader : readers) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread pump(InputStream stream, boolean protocolStream) {
        Thread reader = new Thread(() -> {
            try (stream) {
                BoundedLineReader in = new BoundedLineReader(stream, protocolStream ? PROTOCOL_LINE_LIMIT : OUTPUT_LINE_LIMIT);
                String line;
                byte[] frame = null;
                while ((line = in.readLine()) != null) {
                    long arrived = System.nanoTime();
                    int frameLength = protocolStream ? ForkProtocol.frameLength(line) : -1;
                    if (frameLength >= 0) {
                        frame = in.readFrame(frameLength);
                    } else if (protocolStream && ForkProtocol.isProtocolLine(line)) {
                        lines.add(new Line(line, arrived, frame));
                        frame = null;
                    } else {
                        forwardOtherOutput(line);
                    }
                }
            } catch (IOException e) {
                // the stream closed under us: the child is gone, which END_OF_STREAM reports
            }
            if (protocolStream) {
                lines.add(END_OF_STREAM);
            } else {
                flushDropped();
            }
        }, "speedup-" + label + (protocolStream ? "-out" : "-err"));
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void forwardOtherOutput(String line) {
        synchronized (outputTail) {
            outputTail.addLast(line);
            if (outputTail.size() > OUTPUT_TAIL_LINES) {
                outputTail.removeFirst();
            }
        }
        synchronized (this) {
            if (forwarded < FORWARDED_LINES) {
                forwarded++;
                output.line(label, line);
            } else {
                dropped++;
            }
        }
    }

    private synchronized void flushDropped() {
        if (dropped > 0) {
            output.line(label, "(" + dropped + " more lines of output not shown)");
            dropped = 0;
        }
    }

    /** Kills the child and its descendants; safe to call more than once. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // the pipe is already closed: the child is gone or going
        }
        LiveChildren.killTree(process);
    }
}
