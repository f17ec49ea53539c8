package io.github.speedup.report;

import io.github.speedup.stats.Interval;

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

    /** A relative half-width, one decimal: {@code ±2.4%}, or a dash. */
    public static String precision(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "±%.1f%%", fraction * 100);
    }

    /** Bytes in binary units: {@code 12.3 MiB}. */
    /** What crossed the process boundary each way, e.g. "4.0 MiB in, 4.0 MiB back": inputs sent, results returned. */
    public static String eachWay(long inputBytes, long resultBytes) {
        return bytes(inputBytes) + " in, " + bytes(resultBytes) + " back";
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
