package io.github.speedup.workload;

/**
 * The data a task receives and gives back when its workload sets {@code payloadBytes}: made the
 * same way wherever the task runs, so every mode works on the same bytes; in-JVM modes hand the
 * array over by reference, the pool and processes send it through a pipe.
 */
public final class Payload {

    private Payload() {
    }

    /** Task {@code index}'s input: {@code bytes} bytes of a xorshift stream seeded by the index. */
    public static byte[] input(int index, int bytes) {
        byte[] input = new byte[bytes];
        long x = 0x9E3779B97F4A7C15L * (index + 1);
        for (int i = 0; i < bytes; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            input[i] = (byte) x;
        }
        return input;
    }

    /**
     * A built-in task's result: its input, each byte mixed with the value the task computed, as
     * many bytes as came in. Every byte is touched, as a task that transforms its input would.
     */
    static byte[] result(byte[] input, long value) {
        byte[] result = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            result[i] = (byte) (input[i] ^ (value >>> ((i & 7) << 3)));
        }
        return result;
    }
}
