package io.github.speedup.execution.launch;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.execution.protocol.HostChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One forked JVM seen from the host: protocol messages in on its channel ({@link HostChannel}),
 * decoded and time-stamped on arrival (so a slow reader does not distort start-up times, and a
 * broken line fails the waiting call at once), commands out on the same channel, an empty
 * standard input, everything it writes to its standard output and error drained and forwarded
 * (the log's bound is {@link OutputBound}'s),
 * and the tail of both kept for the message if it dies.
 */
public final class ChildJvm implements AutoCloseable {

    /** Lines of a child's own output (HotSpot writes its fatal errors to stdout) kept for the message if it dies. */
    static final int OUTPUT_TAIL_LINES = 15;
    /** Longest line of a child's other output kept for the log. */
    static final int OUTPUT_LINE_LIMIT = 4000;
    /** How long closing waits for a killed child to be gone. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    /** How long a child told to exit may take before the log says that the build waits for it. */
    static final Duration EXIT_NOTICE = Duration.ofSeconds(1);

    /**
     * A protocol message with the host's {@link System#nanoTime()} when its line arrived, and the
     * frame of raw bytes that came with it, or {@code null}.
     */
    public record Received<T extends ForkMessage>(T message, long arrivedNanos, byte[] frame) {
    }

    /** What the channel's reader hands to the waiting thread: a message, or why there is none. */
    private record Arrival(Received<ForkMessage> received, String fault) {
    }

    private static final Arrival END_OF_CHANNEL = new Arrival(null, null);

    private final String label;
    /** The {@code java} it was started with: its {@code jcmd} sits beside it. */
    private final String java;
    /** Put before a task failure's description: the worker's label, or nothing for the measurement JVM. */
    private final String failurePrefix;
    private final Process process;
    private final HostChannel channel;
    /** How long sending waits for the child to connect: forkedProcessTimeoutInSeconds. */
    private final Duration timeout;
    /** Counted down when the child has connected, or can no longer. */
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile OutputStream commands;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final Deque<String> outputTail = new ArrayDeque<>();
    private final List<Thread> readers = new ArrayList<>(3);
    private final ChildOutput output;
    /** Whether a message came from the child: then its main class ran, and its shutdown hook was in place. */
    private volatile boolean spoken;
    /** Where user code called System.exit, when the child said so on its way out. */
    private volatile String exitCalledAt;
    /** The child's descendants when it was told to exit: those still alive once it has exited are killed. */
    private List<ProcessHandle> descendantsAtExit = List.of();

    private ChildJvm(String label, String java, String failurePrefix, Process process, HostChannel channel,
                     Duration timeout, ChildOutput output) {
        this.label = label;
        this.java = java;
        this.failurePrefix = failurePrefix;
        this.process = process;
        this.channel = channel;
        this.timeout = timeout;
        this.output = output;
        readers.add(startReader(this::readChannel, "-channel"));
        if (!channel.carriedByStandardStreams()) {
            try {
                // An empty standard input: a task that reads System.in gets its end at once.
                process.getOutputStream().close();
            } catch (IOException e) {
                // the child is already gone, which its channel reports
            }
            readers.add(startReader(() -> forward(process.getInputStream()), "-out"));
        }
        readers.add(startReader(() -> forward(process.getErrorStream()), "-err"));
    }

    /**
     * Starts the child with its protocol channel ({@link HostChannel#open()}), which wraps or
     * extends the builder's command.
     *
     * @param failurePrefix put before the description of a failure the child reports: where it
     *                      matters which child failed, its label
     * @param timeout       forkedProcessTimeoutInSeconds: how long sending waits for the child to connect
     * @throws ForkException when the JVM cannot be started or no loopback port opened
     */
    public static ChildJvm start(String label, String failurePrefix, ProcessBuilder builder, Duration timeout,
                          ChildOutput output) throws ForkException {
        HostChannel channel;
        try {
            channel = HostChannel.open();
        } catch (IOException e) {
            throw new ForkException("could not open a port on 127.0.0.1 for the protocol channel of " + label + ": "
                    + e.getMessage(), e);
        }
        return start(label, failurePrefix, builder, timeout, output, channel);
    }

    /** Starts the child with the given protocol channel: the loopback one is tested on every host. */
    public static ChildJvm start(String label, String failurePrefix, ProcessBuilder builder, Duration timeout,
                          ChildOutput output, HostChannel channel) throws ForkException {
        String java = builder.command().get(0);
        builder.command(channel.command(builder.command()));
        try {
            Process process = builder.start();
            LiveChildren.add(process, builder.environment().get(ProcessCookie.VARIABLE));
            return new ChildJvm(label, java, failurePrefix, process, channel, timeout, output);
        } catch (IOException e) {
            channel.close();
            throw new ForkException("could not start " + label + " with " + java + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the child has ended, or ends within {@code wait}. */
    public boolean endsWithin(Duration wait) {
        try {
            return process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The failure of a child that died during {@code when}, with its exit code and last output, as for a pool worker. */
    ForkException deathDuring(String when) {
        return died("during " + when);
    }

    /** The child's whole process CPU time so far (clock ticks), or 0 where the OS does not tell. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The CPU time of {@code children} so far, summed (ns). */
    public static long cpuNanos(List<ChildJvm> children) {
        long cpu = 0;
        for (ChildJvm child : children) {
            cpu += child.cpuNanos();
        }
        return cpu;
    }

    /**
     * Ends {@code children} together: asks each to finish, then waits up to {@code wait} for each to
     * say DONE and exit; one that does not is killed, as every one is in the end.
     */
    public static void endAll(List<ChildJvm> children, Duration wait) {
        for (ChildJvm child : children) {
            try {
                child.sendExit();
            } catch (ForkException e) {
                child.close();
            }
        }
        for (ChildJvm child : children) {
            try {
                child.expect(ForkMessage.Done.class, wait, "its exit");
                child.awaitExit(wait);
            } catch (ForkException | TaskFailedException e) {
                // it is killed below, which is all closing needs
            } finally {
                child.close();
            }
        }
    }

    public void send(ForkMessage message) throws ForkException {
        send(message, null);
    }

    /** Sends a message with a frame of raw bytes (a task's input), or none for {@code null}. */
    public void send(ForkMessage message, byte[] frame) throws ForkException {
        try {
            ForkProtocol.write(connectedCommands(), message, frame);
        } catch (IOException e) {
            throw died("before it could take a command");
        }
    }

    private OutputStream connectedCommands() throws ForkException {
        try {
            if (!connected.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                close();
                throw new ForkException(label + " did not connect to its protocol channel within "
                        + "forkedProcessTimeoutInSeconds=" + timeout.toSeconds() + " s; it was killed with its descendants");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ForkException("interrupted while waiting for " + label + " to connect");
        }
        if (commands == null) {
            throw died("before it connected to its protocol channel");
        }
        return commands;
    }

    /**
     * The next message, which must be of {@code type}, waiting at most {@code timeout}. A
     * {@link ForkMessage.Failed} becomes the task failure it reports; anything else unexpected
     * ends the child.
     */
    public <T extends ForkMessage> Received<T> expect(Class<T> type, Duration timeout, String waitingFor)
            throws ForkException, TaskFailedException {
        Received<ForkMessage> received = next(timeout, waitingFor);
        if (received.message() instanceof ForkMessage.Failed failed) {
            throw new TaskFailedException(failurePrefix + failed.description().strip(), null,
                    failed.linkageError().isEmpty() ? null : failed.linkageError());
        }
        if (!type.isInstance(received.message())) {
            close();
            throw new ForkException(label + " answered " + ForkProtocol.visible(received.message().encode()) + " where "
                    + type.getSimpleName() + " was expected");
        }
        return new Received<>(type.cast(received.message()), received.arrivedNanos(), received.frame());
    }

    private Received<ForkMessage> next(Duration timeout, String waitingFor) throws ForkException {
        Arrival arrival;
        try {
            arrival = arrivals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ForkException("interrupted while waiting for " + label + " " + waitingFor);
        }
        if (arrival == null) {
            String threads = ThreadDump.of(process.pid(), java);
            close();
            throw new ForkException(label + " did not finish " + waitingFor + " within forkedProcessTimeoutInSeconds="
                    + timeout.toSeconds() + " s; it was killed with its descendants. " + threads);
        }
        if (arrival == END_OF_CHANNEL) {
            // It stays the last word: a later wait (closing a pool whose worker died) learns at once
            // that the child is gone, rather than waiting out its timeout for a message that cannot come.
            arrivals.add(END_OF_CHANNEL);
            throw died("during " + waitingFor);
        }
        if (arrival.fault() != null) {
            close();
            throw new ForkException(label + " broke the protocol during " + waitingFor + ": " + arrival.fault()
                    + "; it was killed with its descendants");
        }
        return arrival.received();
    }

    /**
     * Tells the child to exit. Its descendants are looked up first, while they are still its
     * own: any of them still alive once the child has exited is killed by {@link #awaitExit}.
     */
    public void sendExit() throws ForkException {
        descendantsAtExit = process.descendants().toList();
        send(new ForkMessage.Exit());
    }

    /**
     * Waits for a normal exit after the child said it is done; after {@link #EXIT_NOTICE} the log
     * says that the build is waiting for it.
     */
    public void awaitExit(Duration timeout) throws ForkException {
        try {
            if (!process.waitFor(Math.min(EXIT_NOTICE.toNanos(), timeout.toNanos()), TimeUnit.NANOSECONDS)
                    && timeout.compareTo(EXIT_NOTICE) > 0) {
                output.line(label, "waiting for " + label + " to exit: it is still running " + EXIT_NOTICE.toSeconds()
                        + " s after its last command; it is killed with its descendants if it has not exited within "
                        + timeout.toSeconds() + " s");
            }
            if (!process.waitFor(timeout.minus(EXIT_NOTICE).toNanos(), TimeUnit.NANOSECONDS)) {
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
        for (ProcessHandle descendant : descendantsAtExit) {
            descendant.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw died("after its last task", false);
        }
    }

    private ForkException died(String when) {
        return died(when, true);
    }

    /**
     * @param unasked whether the child ended without being told to (during a task, rather than
     *                after its last one), so that its exit was user code's, a signal's or the JVM's
     */
    private ForkException died(String when, boolean unasked) {
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
        String exit = exitCode == Integer.MIN_VALUE ? "closed its protocol channel" : "exited with code " + exitCode;
        return new ForkException(label + " " + exit + " " + when + howItEnded(exitCode, unasked)
                + "; last lines of its output:\n" + outputTail());
    }

    /**
     * What the child's shutdown hook said ({@link ForkMessage.ExitCalled}): where System.exit was
     * called, or that a signal ended it. A child that exited unasked without a word ran no shutdown
     * hook, which is what {@code Runtime.halt} does, and a halt leaves no trace of its caller.
     */
    private String howItEnded(int exitCode, boolean unasked) {
        String caller = exitCalledAt;
        if (caller != null) {
            return caller.isBlank() ? "; it ran its shutdown hooks but no thread had called System.exit: a signal such "
                    + "as SIGTERM ended it" : " (System.exit was called " + caller.strip() + ")";
        }
        // Only a child that has spoken had its hook in place (user code runs after its first message):
        // one that never got to its main class (an unknown JVM option) says why in its output.
        return unasked && exitCode != Integer.MIN_VALUE && spoken ? "; it ran no shutdown hook, so it did not exit through "
                + "System.exit: Runtime.halt, the JVM itself (a fatal error, -XX:+ExitOnOutOfMemoryError) or SIGKILL "
                + "ended it, and a halt leaves no trace of its caller, which therefore cannot be named" : "";
    }

    private String outputTail() {
        synchronized (outputTail) {
            return outputTail.isEmpty() ? "    (nothing)" : "    " + String.join("\n    ", outputTail);
        }
    }

    /** A dead child's last words may still be in the pipes and the channel: let the readers drain them, briefly. */
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

    private Thread startReader(Runnable reading, String suffix) {
        Thread reader = new Thread(reading, "speedup-" + label + suffix);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Waits for the child to connect, then decodes each message as it arrives; a line that is
     * not one is handed on as a fault, and reading stops, since nothing after it can be trusted.
     */
    private void readChannel() {
        BoundedLineReader in = channel.accept(process, refusal -> output.line(label, refusal));
        if (in != null) {
            try {
                commands = channel.output(process);
            } catch (IOException e) {
                in = null;
            }
        }
        connected.countDown();
        if (in != null) {
            try {
                readMessages(in);
                return;
            } catch (IOException e) {
                // the channel closed under us: the child is gone, which END_OF_CHANNEL reports
            }
        }
        arrivals.add(END_OF_CHANNEL);
    }

    private void readMessages(BoundedLineReader in) throws IOException {
        byte[] frame = null;
        String line;
        while ((line = in.readLine()) != null) {
            long arrived = System.nanoTime();
            ForkMessage message;
            try {
                message = ForkProtocol.decode(line);
            } catch (ForkProtocol.MalformedMessageException e) {
                arrivals.add(new Arrival(null, e.getMessage() + "; the line, as received: "
                        + ForkProtocol.visible(line)));
                channel.close();
                return;
            }
            spoken = true;
            if (message instanceof ForkMessage.Frame announced) {
                frame = in.readFrame(announced.length());
            } else if (message instanceof ForkMessage.ExitCalled exitCalled) {
                exitCalledAt = exitCalled.caller();
            } else {
                arrivals.add(new Arrival(new Received<>(message, arrived, frame), null));
                frame = null;
            }
        }
        arrivals.add(END_OF_CHANNEL);
    }

    /**
     * Drains one of the child's standard streams to the end, whatever the log takes of it (a child whose
     * pipe is full waits until it is read): every line to the output, which bounds what reaches the log
     * ({@link OutputBound}), with the bytes it took on the pipe.
     */
    private void forward(InputStream stream) {
        try (stream) {
            BoundedLineReader in = new BoundedLineReader(OutputDrain.counted(stream), OUTPUT_LINE_LIMIT);
            long before = 0;
            String line;
            while ((line = in.readLine()) != null) {
                keepInTail(line);
                output.written(label, line, in.lineBytes() - before);
                before = in.lineBytes();
            }
        } catch (IOException e) {
            // the stream closed under us: the child is gone
        }
    }

    private void keepInTail(String line) {
        synchronized (outputTail) {
            outputTail.addLast(line);
            if (outputTail.size() > OUTPUT_TAIL_LINES) {
                outputTail.removeFirst();
            }
        }
    }

    /**
     * Kills the child's descendants, then the child, closes its channel, and waits briefly for the
     * child to be gone; safe to call more than once.
     */
    @Override
    public void close() {
        LiveChildren.killTree(process);
        channel.close();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
