package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;

/**
 * Fixture 6, blocking socket I/O on loopback: every task connects to a peer in the same JVM that
 * answers each byte after 2 ms, and asks it five times. The peer's threads are not the workers, so
 * the culprit is a wait of kind socket on the peer's address at {@code Caller.ask}.
 */
public final class Caller implements Callable<Integer> {

    private static final ServerSocket PEER = startPeer();

    @Override
    public Integer call() throws IOException {
        int answers = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PEER.getLocalPort())) {
            socket.setTcpNoDelay(true);
            for (int i = 0; i < 5; i++) {
                answers += ask(socket);
            }
        }
        return answers;
    }

    /** Sends one byte and reads the answer; the peer decides how long that takes. */
    private static int ask(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(1);
        out.flush();
        return in.read();
    }

    private static ServerSocket startPeer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(() -> accept(server), "slow-peer");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("no loopback server socket", e);
        }
    }

    private static void accept(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                daemon(() -> answer(socket), "slow-peer-answer");
            }
        } catch (IOException e) {
            // The JVM is ending.
        }
    }

    private static void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            while (in.read() >= 0) {
                Thread.sleep(2);
                out.write(1);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The task closed its end.
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
