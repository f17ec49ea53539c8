package com.example.breakdown;

import java.io.IOException;
import java.io.OutputStream;

/** Writes into a stream opened on a file descriptor (a pipe): a user's frame outside the plugin's packages. */
public final class Pipe {

    private Pipe() {
    }

    public static void fill(OutputStream out, int bytes) throws IOException {
        out.write(new byte[bytes]);
    }
}
