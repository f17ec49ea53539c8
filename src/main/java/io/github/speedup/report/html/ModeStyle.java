package io.github.speedup.report.html;

/**
 * How a mode looks in every chart: a colour from the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and a dash pattern and marker shape, so the series stay apart in
 * greyscale print too.
 */
enum ModeStyle {
    SEQUENTIAL("sequential", "#555555", "", "circle"),
    THREADS("threads", "#0072B2", "", "square"),
    VIRTUAL("virtual", "#009E73", "6 3", "triangle"),
    PROCESSES("processes", "#D55E00", "2 3", "diamond");

    final String mode;
    final String colour;
    final String dash;
    final String marker;

    ModeStyle(String mode, String colour, String dash, String marker) {
        this.mode = mode;
        this.colour = colour;
        this.dash = dash;
        this.marker = marker;
    }

    static ModeStyle of(String mode) {
        for (ModeStyle style : values()) {
            if (style.mode.equals(mode)) {
                return style;
            }
        }
        return SEQUENTIAL;
    }
}
