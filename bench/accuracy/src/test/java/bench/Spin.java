package bench;

/** Busy work of a known length, shared by the fixtures that hold a lock while they work. */
final class Spin {

    private Spin() {
    }

    /** Spins for {@code nanos} of wall time; returns the turns taken, so the loop is not removed. */
    static long spin(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long turns = 0;
        while (System.nanoTime() < deadline) {
            turns++;
        }
        return turns;
    }
}
