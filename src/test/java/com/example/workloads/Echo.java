package com.example.workloads;

import java.util.concurrent.Callable;

/** Takes its payload and gives it back reversed, as many bytes as came in. */
public class Echo implements Callable<byte[]> {
    private final byte[] input;

    public Echo(int index, byte[] input) {
        this.input = input;
    }

    @Override
    public byte[] call() {
        byte[] result = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            result[i] = input[input.length - 1 - i];
        }
        return result;
    }
}
