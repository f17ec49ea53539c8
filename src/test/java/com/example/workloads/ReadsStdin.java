package com.example.workloads;

import java.io.IOException;
import java.util.concurrent.Callable;

/** A task built like a command-line filter: it reads standard input to its end, and counts the bytes. */
public class ReadsStdin implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        return System.in.readAllBytes().length;
    }
}
