package io.github.speedup.format.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages' style, kept in {@code speedup.css} beside this class so that it reads as CSS, and
 * inlined into each page when it is written: a page stays one self-contained file.
 */
final class Stylesheet {

    /** The whole of {@code speedup.css}, ending in a newline. */
    static final String CSS = load();

    private Stylesheet() {
    }

    private static String load() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("speedup.css")) {
            if (in == null) {
                throw new IllegalStateException("speedup.css is missing beside " + Stylesheet.class.getName()
                        + " in the plugin's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read speedup.css from the plugin's jar", e);
        }
    }
}
