package com.acme;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * A task built like a command-line filter: it reads its input from standard input, to the end,
 * and works on what it got.
 */
public class ReadsStdin implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int characters = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            characters += line.length();
        }
        long x = 1;
        for (int i = 0; i < 1_000_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return characters + (int) (x & 1);
    }
}
