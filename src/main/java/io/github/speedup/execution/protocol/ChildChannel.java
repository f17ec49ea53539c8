package io.github.speedup.execution.protocol;

import io.github.speedup.execution.child.ChildLifetime;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The child's end of the protocol channel, as its last two arguments describe it: {@code fds -}
 * for descriptors 3 (commands) and 4 (messages), which the host's shell handed over
 * ({@link DescriptorChannel}), or {@code tcp:<port> <token>} for a TCP connection to the host on the
 * loopback interface, on which the child first presents the session token ({@link LoopbackChannel}).
 * Neither standard stream carries the protocol, so nothing user code writes to file descriptor 1
 * or reads from file descriptor 0 can reach it.
 *
 * <p>Connecting costs a fresh JVM 15–35 ms (the JDK's networking classes and native libraries),
 * so it runs on a thread of its own from the first line of {@code main}, while the main thread
 * loads the workload; {@link #output()} and {@link #input()} wait for it. Descriptors are opened
 * at once: that costs nothing. A class, not a lambda, like everything on a worker's way to its
 * first task.
 */
public final class ChildChannel extends Thread {

    /** The first channel argument of a child whose channel is descriptors 3 and 4. */
    public static final String DESCRIPTORS = "fds";
    /** Where a process opens its own descriptors (Linux, macOS and the BSDs have it). */
    public static final String DESCRIPTORS_DIRECTORY = "/dev/fd";
    /** Before the port in the first channel argument of a child whose channel is a loopback connection. */
    public static final String LOOPBACK_PREFIX = "tcp:";

    /** The host listens here only; a fixed IPv4 address, whatever the user's networking flags prefer. */
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final int port;
    private final String token;
    private InputStream in;
    private OutputStream out;
    private IOException failure;

    private ChildChannel(int port, String token) {
        super("speedup-channel-connect");
        this.port = port;
        this.token = token;
        setDaemon(true);
    }

    /**
     * The channel its two arguments describe: descriptors opened now, or a connection started.
     *
     * @throws IllegalArgumentException for arguments that describe no channel
     * @throws IOException              when the descriptors cannot be opened
     */
    public static ChildChannel open(String channel, String token) throws IOException {
        if (channel.equals(DESCRIPTORS)) {
            ChildChannel descriptors = new ChildChannel(-1, token);
            descriptors.in = new FileInputStream(DESCRIPTORS_DIRECTORY + "/3");
            descriptors.out = new FileOutputStream(DESCRIPTORS_DIRECTORY + "/4");
            return descriptors;
        }
        if (!channel.startsWith(LOOPBACK_PREFIX)) {
            throw new IllegalArgumentException("the channel ".concat(channel).concat(" is neither ")
                    .concat(DESCRIPTORS).concat(" nor ").concat(LOOPBACK_PREFIX).concat("<port>"));
        }
        ChildChannel connection = new ChildChannel(Integer.parseInt(channel.substring(LOOPBACK_PREFIX.length())),
                token);
        connection.start();
        return connection;
    }

    @Override
    public void run() {
        Socket connecting = new Socket();
        try {
            connecting.setTcpNoDelay(true);
            connecting.connect(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port));
            OutputStream stream = connecting.getOutputStream();
            stream.write(token.concat("\n").getBytes(StandardCharsets.UTF_8));
            in = connecting.getInputStream();
            out = stream;
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Where messages to the host go; each {@link ForkProtocol#write} is one write, so messages never interleave. */
    public OutputStream output() {
        return connected().out;
    }

    /** Where the host's commands come from. */
    public InputStream input() {
        return connected().in;
    }

    /**
     * This channel once connected. A child that cannot reach its host cannot do anything useful:
     * it says why on its standard error, which the host shows, and ends.
     */
    private ChildChannel connected() {
        boolean interrupted = false;
        while (isAlive()) {
            try {
                join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (out == null) {
            System.err.println("speedup: cannot connect to the host on 127.0.0.1:".concat(String.valueOf(port))
                    .concat(": ").concat(String.valueOf(failure)));
            System.err.flush();
            ChildLifetime.killDescendants();
            Runtime.getRuntime().halt(2);
        }
        return this;
    }
}
