package io.github.speedup.execution.fork;

import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A child that breaks the channel on purpose, started by {@link ForkChannelTest} in place of
 * {@link ForkedMain}: {@code FakeChild <behaviour> (fds - | tcp:<port> <token>)}.
 * <ul>
 * <li>{@code glued}: presents its token, then sends a protocol line with text glued in front of it;</li>
 * <li>{@code stranger}: first connects as a stranger would, with a wrong token, then as the child, and
 *     says STARTED.</li>
 * </ul>
 * Either way it then stays alive, so that only the host's reading can end the wait.
 */
public final class FakeChild {

    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[1].equals(ChildChannel.DESCRIPTORS)) {
            send(args[0], new FileOutputStream(ChildChannel.DESCRIPTORS_DIRECTORY + "/4"));
            return;
        }
        int port = Integer.parseInt(args[1].substring(ChildChannel.LOOPBACK_PREFIX.length()));
        String token = args[2];
        if (args[0].equals("stranger")) {
            try (Socket stranger = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                stranger.getOutputStream().write("not-the-token\n".getBytes(StandardCharsets.UTF_8));
                InputStream in = stranger.getInputStream();
                System.out.println("the host answered a stranger with " + in.read());
            }
        }
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
        OutputStream out = socket.getOutputStream();
        out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        send(args[0], out);
    }

    private static void send(String behaviour, OutputStream out) throws Exception {
        if (behaviour.equals("glued")) {
            out.write(("\rprogress 100% \u001b[32mdone\u001b[0m" + new ForkMessage.Started().encode() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            ForkProtocol.write(out, new ForkMessage.Started(), null);
        }
        out.flush();
        Thread.sleep(120_000);
    }
}
