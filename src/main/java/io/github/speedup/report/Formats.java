package io.github.speedup.report;

import java.util.Locale;

/** Number formats shared by the writers, locale-independent so reports read the same everywhere. */
public final class Formats {

    private Formats() {
    }

    /** Three decimals: the machine-readable form used in the XML. */
    public static String exact(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Milliseconds for people: one decimal. */
    public static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A speedup or an efficiency for people: two decimals. */
    public static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** Bytes in binary units: {@code 12.3 MiB}. */
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
