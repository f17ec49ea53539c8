package io.github.speedup.execution.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child's protocol channel where no POSIX shell can hand it descriptors (Windows), as Surefire 3
 * and JMH carry theirs: a server socket on 127.0.0.1 and an ephemeral port, for that child alone,
 * and the random session token the child must present before anything else. The child learns
 * both from its arguments ({@link ChildChannel}). Once the child has connected the server socket
 * is closed, so nothing else can reach the channel. Connecting costs a fresh JVM 15–35 ms of
 * networking start-up, which is why POSIX hosts use {@link DescriptorChannel}.
 */
public final class LoopbackChannel implements HostChannel {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often waiting for the child to connect looks whether it is still alive. */
    private static final int ACCEPT_POLL_MS = 100;
    /** How long a connection may take to present its token: the child writes it as it connects. */
    private static final int TOKEN_WAIT_MS = 5_000;
    private static final int TOKEN_BYTES = 16;

    private final ServerSocket server;
    private final String token;
    private volatile Socket socket;
    private volatile boolean closed;

    private LoopbackChannel(ServerSocket server, String token) {
        this.server = server;
        this.token = token;
    }

    /** @throws IOException when no loopback port can be opened */
    public static LoopbackChannel open() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 1);
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return new LoopbackChannel(server, HexFormat.of().formatHex(token));
    }

    @Override
    public List<String> command(List<String> javaCommand) {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(ChildChannel.LOOPBACK_PREFIX + server.getLocalPort());
        command.add(token);
        return command;
    }

    @Override
    public boolean carriedByStandardStreams() {
        return false;
    }

    /**
     * Waits until the child connects and presents the token; a connection that presents anything
     * else is closed, reported to {@code refused} and the wait goes on.
     *
     * @return what the child sends after its token; {@code null} if the child ended, or the
     * channel was closed, before it connected
     */
    @Override
    public BoundedLineReader accept(Process child, Consumer<String> refused) {
        try {
            server.setSoTimeout(ACCEPT_POLL_MS);
            while (child.isAlive()) {
                Socket candidate;
                try {
                    candidate = server.accept();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                BoundedLineReader in = presented(candidate, refused);
                if (in != null) {
                    return in;
                }
            }
        } catch (IOException e) {
            // closed: the host gave up on the child
        }
        return null;
    }

    private BoundedLineReader presented(Socket candidate, Consumer<String> refused) throws IOException {
        String presented;
        BoundedLineReader in;
        try {
            candidate.setSoTimeout(TOKEN_WAIT_MS);
            in = new BoundedLineReader(candidate.getInputStream(), ForkProtocol.LINE_LIMIT);
            presented = in.readLine();
        } catch (IOException e) {
            presented = null;
            in = null;
        }
        if (!token.equals(presented)) {
            candidate.close();
            refused.accept("refused a connection from " + candidate.getRemoteSocketAddress()
                    + " to its protocol channel: it did not present the session token");
            return null;
        }
        candidate.setSoTimeout(0);
        candidate.setTcpNoDelay(true);
        socket = candidate;
        server.close();
        if (closed) {
            candidate.close();
        }
        return in;
    }

    @Override
    public OutputStream output(Process child) throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            Socket connected = socket;
            if (connected != null) {
                connected.close();
            }
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
