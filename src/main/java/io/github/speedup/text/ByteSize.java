package io.github.speedup.text;

import java.util.Locale;

/**
 * A number of bytes as people read it, in binary units ({@code 300.0 MiB}): the one form for the
 * report's figures and for messages of the JVMs that run the work (a heap, a result too large to move).
 */
public final class ByteSize {

    private ByteSize() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 300.0 MiB}: one decimal from KiB on, locale-independent. */
    public static String of(long bytes) {
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
