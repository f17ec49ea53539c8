package bench;

final class Work {
    private Work() {
    }

    /** A linear congruential mix the JIT cannot fold: {@code rounds} multiply-adds and shifts. */
    static long mix(int rounds) {
        long x = 17;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= (x >>> 29);
        }
        return x;
    }
}
