package io.github.speedup.format;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The files a run can write, chosen by the {@code formats} parameter (JaCoCo's {@code formats}). */
public enum Format {
    /** {@code index.html}: the page people read. */
    HTML("html"),
    /** {@code speedup.xml}: for tools, {@code speedup:check}, {@code speedup:report} and the next build's baseline. */
    XML("xml");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Format> fromId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
    }
}
