package io.github.speedup.analysis;

import io.github.speedup.measure.WorkloadTime;
import io.github.speedup.report.VersionComparison;
import io.github.speedup.stats.Interval;
import io.github.speedup.stats.Summary;
import io.github.speedup.text.ByteSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Number formats shared by the writers, locale-independent so reports read the same everywhere. */
public final class Figures {

    private Figures() {
    }

    /** A figure as the XML holds it (three decimals), so what is read back equals what was written. */
    public static double rounded(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    /** Three decimals: the machine-readable form used in the XML. */
    public static String exact(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Milliseconds for people: one decimal. */
    public static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * A short time for people, with its unit: {@code 3.27 ms}, or below a millisecond {@code 18.4 µs}
     * (a run of one task of batched work).
     */
    public static String shortTime(double ms) {
        return Double.isNaN(ms) ? "–" : ms >= 1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.3g µs", ms * 1000);
    }

    /** A speedup or an efficiency for people: two decimals. */
    public static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code [1.82, 2.05]}, or a dash where there is no interval. */
    public static String interval(Interval interval, DoubleFunction<String> format) {
        return interval.defined() ? "[" + format.apply(interval.low()) + ", " + format.apply(interval.high()) + "]" : "–";
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /**
     * The parts of one whole as whole percentages that add up to what the whole rounds to (100 where the
     * parts sum to 1), by the largest remainder: each part gets its percentage rounded down, and the
     * points still missing go one each to the parts with the largest fractions cut off, the first part
     * among equals. Rounded each on its own, a breakdown's 52.5%, 40.5% and 7% read 53%, 41% and 7%,
     * 101% of the workers' time (a new user's trial saw it on the page).
     *
     * @param fractions the parts, each from 0 to 1
     * @return their percentages, in their order
     */
    public static int[] wholePercents(double... fractions) {
        int[] percents = new int[fractions.length];
        double[] cut = new double[fractions.length];
        double sum = 0;
        int given = 0;
        for (int i = 0; i < fractions.length; i++) {
            double points = Math.max(0, fractions[i]) * 100;
            percents[i] = (int) Math.floor(points);
            cut[i] = points - percents[i];
            sum += points;
            given += percents[i];
        }
        long missing = Math.round(sum) - given;
        Integer[] order = new Integer[fractions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // a stable sort: among equal remainders, the first part is given its point first
        Arrays.sort(order, (a, b) -> Double.compare(cut[b], cut[a]));
        for (int i = 0; i < missing && i < order.length; i++) {
            percents[order[i]]++;
        }
        return percents;
    }

    /** A relative half-width, one decimal: {@code ±2.4%}, or a dash. */
    public static String precision(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "±%.1f%%", fraction * 100);
    }

    /**
     * What a workload's measuring took against its budget, for people: {@code measured in 18.2 s of its
     * 20 s (maxTimeInSeconds); 1.1 s of it waiting for a quiet machine, 2.3 s on iterations taken again}.
     */
    public static String timeSpent(WorkloadTime time) {
        if (!time.known()) {
            return "time spent not recorded";
        }
        StringBuilder text = new StringBuilder("measured in " + seconds(time.spent()));
        if (time.budget() != null) {
            text.append(" of its ").append(seconds(time.budget())).append(" (").append(time.budgetSource()).append(')');
        }
        List<String> lost = new ArrayList<>();
        if (!time.waited().isZero()) {
            lost.add(seconds(time.waited()) + " waiting for a quiet machine");
        }
        if (!time.retaken().isZero()) {
            lost.add(seconds(time.retaken()) + " on iterations taken again");
        }
        if (!lost.isEmpty()) {
            text.append("; of it ").append(String.join(", ", lost));
        }
        return text.toString();
    }

    /** Seconds for people, one decimal: {@code 18.2 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    /** What crossed the process boundary each way, e.g. "4.0 MiB in, 4.0 MiB back": inputs sent, results returned. */
    public static String eachWay(long inputBytes, long resultBytes) {
        return bytes(inputBytes) + " in, " + bytes(resultBytes) + " back";
    }

    /**
     * A comparison's change of time as people read it: {@code +7.3% [+5.1%, +9.4%]} (this build 7.3%
     * slower, its 95% interval), or a dash where it has none.
     */
    public static String timeChange(VersionComparison comparison) {
        return change(comparison.timeRatio(), comparison.timeInterval());
    }

    /** Its change of speedup, as {@link #timeChange}: {@code -4.0% [-6.2%, -1.9%]} is a smaller speedup. */
    public static String speedupChange(VersionComparison comparison) {
        return change(comparison.speedupRatio(), comparison.speedupInterval());
    }

    private static String change(double ratio, Interval interval) {
        if (Double.isNaN(ratio)) {
            return "–";
        }
        return signedPercent(ratio) + (interval.defined() ? " [" + signedPercent(interval.low()) + ", "
                + signedPercent(interval.high()) + "]" : "");
    }

    /** A ratio as a signed change: 1.073 is {@code +7.3%}. */
    private static String signedPercent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    /** Bytes in binary units: {@code 12.3 MiB}. */
    public static String bytes(long bytes) {
        return ByteSize.of(bytes);
    }

    /**
     * The coverage of an interval that has less than the 95% the reports' headers promise, {@code 75% CI}
     * ({@code 93.75% CI} for 5 samples); empty where it has 95% or more, or no interval or coverage. A
     * median's distribution-free interval from fewer than 6 samples is their whole range, which covers the
     * median with 1 − 2/2ⁿ only: 75% for 3 (a trial's demo had 3 samples, and its page said 95% CI).
     */
    public static String coverageBelow95(Interval interval) {
        String percent = percentBelow95(interval);
        return percent.isEmpty() ? "" : percent + " CI";
    }

    /** {@link #coverageBelow95}'s figure alone, for a sentence: {@code 75%}; empty as there. */
    public static String percentBelow95(Interval interval) {
        double confidence = interval.confidence();
        if (!interval.defined() || Double.isNaN(confidence) || confidence >= Summary.CONFIDENCE - 1e-9) {
            return "";
        }
        return new BigDecimal(confidence * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /**
     * The separate JVMs' CPU time is their whole processes' from {@code /proc}, in clock ticks of 10 ms
     * ({@code ProcStat}, USER_HZ 100), so below one tick it reads 0 whatever it was.
     */
    public static final double CPU_TICK_MS = 10;

    /**
     * A median CPU time in ms for people: {@link #ms}, or {@code <10} where it was read in clock ticks
     * ({@code ticks}: the separate JVMs' modes) and is under one: a trial's processes rows read "0.0" beside a
     * pool ×1 of "10.0", both within one tick.
     */
    public static String cpuMs(double ms, boolean ticks) {
        return ticks && ms < CPU_TICK_MS ? String.format(Locale.ROOT, "<%.0f", CPU_TICK_MS) : ms(ms);
    }
}
