package io.github.speedup.runner;

import io.github.speedup.measure.WorkloadTime;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A workload's wall time against its budget, from its first step: warm-ups, measured iterations,
 * iterations taken again, waits for a quiet machine and the start-up of its pools and clusters all
 * count, since the user who grants {@code maxTimeInSeconds} waits for all of them. Its deadline is the
 * earlier of its own budget and what is left of the run's ({@code maxRunTimeInSeconds}).
 * <p>
 * No iteration starts once the budget is spent, so a workload ends within its budget plus the one
 * iteration under way: within 10% when iterations are shorter than a tenth of the budget. It also
 * keeps how much of the time went to waiting for quiet and to iterations that were taken again, which
 * the report shows beside the time spent.
 * <p>
 * The diagnostic iterations after the measured ones count too: the sampling stops early by what they
 * are expected to take, at most a tenth of the budget ({@link #reserveForDiagnosis}), and they may run to
 * the budget plus a tenth.
 */
final class WorkloadClock {

    /** A clock without a deadline: fixed iteration counts, which no budget bounds. */
    static final long NO_BUDGET = Long.MAX_VALUE;

    private final LongSupplier clock;
    private final long start;
    private final long budgetNanos;
    /** The parameter that set the budget, for the report; {@code null} without one. */
    private final String budgetSource;
    private long waitedNanos;
    private long retakenNanos;
    /** What the sampling leaves of the budget for the diagnostic iterations after it, in ns. */
    private long reservedNanos;

    /**
     * @param clock       nanoseconds, {@link System#nanoTime} but in tests
     * @param budgetNanos from now, or {@link #NO_BUDGET}
     */
    WorkloadClock(LongSupplier clock, long budgetNanos) {
        this(clock, budgetNanos, budgetNanos == NO_BUDGET ? null : MAX_TIME);
    }

    private WorkloadClock(LongSupplier clock, long budgetNanos, String budgetSource) {
        this.clock = clock;
        this.start = clock.getAsLong();
        this.budgetNanos = Math.max(0, budgetNanos);
        this.budgetSource = budgetSource;
    }

    static final String MAX_TIME = "maxTimeInSeconds";
    static final String MAX_RUN_TIME = "maxRunTimeInSeconds";

    /**
     * A clock for a workload whose own budget is {@code own} ({@code null}: none) with {@code runLeftNanos}
     * left of the run's ({@link #NO_BUDGET}: none): the earlier deadline of the two.
     */
    static WorkloadClock of(LongSupplier clock, Duration own, long runLeftNanos) {
        long ownNanos = own == null ? NO_BUDGET : own.toNanos();
        if (ownNanos == NO_BUDGET && runLeftNanos == NO_BUDGET) {
            return new WorkloadClock(clock, NO_BUDGET, null);
        }
        return runLeftNanos < ownNanos ? new WorkloadClock(clock, runLeftNanos, MAX_RUN_TIME)
                : new WorkloadClock(clock, ownNanos, MAX_TIME);
    }

    /** What the workload took so far against its budget, to the millisecond, as the report holds it. */
    WorkloadTime time() {
        return new WorkloadTime(bounded() ? millis(budgetNanos) : null, budgetSource,
                millis(elapsedNanos()),
                millis(waitedNanos), millis(retakenNanos));
    }

    private static Duration millis(long nanos) {
        return Duration.ofMillis(Math.round(nanos / 1e6));
    }

    /** The parameter that set the budget: {@code maxTimeInSeconds} or {@code maxRunTimeInSeconds}; {@code null} for none. */
    String budgetSource() {
        return budgetSource;
    }

    /** The budget and the parameter that set it, {@code 20 s (maxTimeInSeconds)}, or {@code budget} without one. */
    String budgetDescription() {
        return bounded() ? String.format(Locale.ROOT, "%.0f s (%s)", budgetNanos / 1e9, budgetSource) : "budget";
    }

    long elapsedNanos() {
        return clock.getAsLong() - start;
    }

    /** Whether the budget is spent: nothing more starts. */
    boolean spent() {
        return budgetNanos != NO_BUDGET && elapsedNanos() >= samplingBudgetNanos();
    }

    /** The budget less what is reserved for the diagnostic iterations, while it is. */
    private long samplingBudgetNanos() {
        return budgetNanos - reservedNanos;
    }

    /**
     * Keeps what the diagnostic iterations that follow the sampling are expected to take from it, at most a
     * tenth of the budget, so that a workload whose sampling runs to its budget still explains its reading
     * within it. Set again as the sampling learns what its iterations take: a flat tenth kept 0.4 s of the
     * default suite's sleep (4 s) from its sampling for diagnostic iterations that took 0.3 s, and in one
     * build of six its threads ×4 went unmeasured.
     *
     * @param expectedNanos what the diagnostic iterations are expected to take, in ns
     */
    void reserveForDiagnosis(long expectedNanos) {
        reservedNanos = budgetNanos == NO_BUDGET ? 0 : Math.min(Math.max(0, expectedNanos), budgetNanos / 10);
    }

    /** The sampling is over: the whole budget is the diagnostic iterations'. */
    void releaseReserve() {
        reservedNanos = 0;
    }

    /**
     * Whether a diagnostic iteration expected to take {@code expectedNanos} may start: it would end
     * within the budget plus a tenth, the bound the budget promises.
     */
    boolean allowsDiagnosis(long expectedNanos) {
        return budgetNanos == NO_BUDGET || elapsedNanos() + expectedNanos <= budgetNanos + budgetNanos / 10;
    }

    /** Nanoseconds left of the budget, 0 when spent, {@link #NO_BUDGET} without one. */
    long leftNanos() {
        return budgetNanos == NO_BUDGET ? NO_BUDGET : Math.max(0, samplingBudgetNanos() - elapsedNanos());
    }

    /**
     * Whether a round of iterations expected to take {@code expectedNanos} may start: the budget is not
     * spent and the round would end within it plus a tenth. A round that cannot complete would leave
     * its measurements without the sequential partner that makes their samples a pair.
     */
    boolean allowsRound(long expectedNanos) {
        if (budgetNanos == NO_BUDGET) {
            return true;
        }
        long elapsed = elapsedNanos();
        long budget = samplingBudgetNanos();
        return elapsed < budget && elapsed + expectedNanos <= budget + budgetNanos / 10;
    }

    boolean bounded() {
        return budgetNanos != NO_BUDGET;
    }

    long budgetNanos() {
        return budgetNanos;
    }

    /**
     * How long it may still wait for a quiet machine: a quarter of its budget in all. A machine busy
     * in bursts shorter than the quiet window (500 ms) never looks quiet, so each wait would run to its
     * end; past this share, a disturbed iteration is taken again at once, which lands between bursts
     * as often as not, and the rest of the budget measures.
     */
    long waitLeftNanos() {
        return budgetNanos == NO_BUDGET ? NO_BUDGET : Math.max(0, Math.min(leftNanos(), budgetNanos / 4 - waitedNanos));
    }

    void waited(long nanos) {
        waitedNanos += nanos;
    }

    /** An iteration of {@code nanos} was taken again (or dropped): its time bought nothing kept. */
    void retaken(long nanos) {
        retakenNanos += nanos;
    }

    long waitedNanos() {
        return waitedNanos;
    }

    long retakenNanos() {
        return retakenNanos;
    }
}
