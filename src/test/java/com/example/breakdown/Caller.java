package com.example.breakdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Work that waits for a peer's answer on a blocking socket: waiting, kind socket. */
public final class Caller {

    private Caller() {
    }

    /** Sends one byte and reads the answer; the peer decides how long that takes. */
    public static int ask(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(1);
        out.flush();
        return in.read();
    }
}
