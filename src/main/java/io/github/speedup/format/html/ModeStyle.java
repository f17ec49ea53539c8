package io.github.speedup.format.html;

import io.github.speedup.execution.Mode;

/**
 * How a mode looks in every chart: a colour from the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and a dash pattern and marker shape, so the series stay apart in
 * greyscale print too.
 */
enum ModeStyle {
    SEQUENTIAL("#555555", "", "circle"),
    THREADS("#0072B2", "", "square"),
    VIRTUAL("#009E73", "6 3", "triangle"),
    PROCESSES("#D55E00", "2 3", "diamond"),
    POOL("#CC79A7", "8 3 2 3", "down-triangle"),
    CLUSTER("#E69F00", "1 3", "circle");

    final String colour;
    final String dash;
    final String marker;

    ModeStyle(String colour, String dash, String marker) {
        this.colour = colour;
        this.dash = dash;
        this.marker = marker;
    }

    static ModeStyle of(Mode mode) {
        return switch (mode) {
            case SEQUENTIAL -> SEQUENTIAL;
            case THREADS -> THREADS;
            case VIRTUAL -> VIRTUAL;
            case PROCESSES -> PROCESSES;
            case POOL -> POOL;
            case CLUSTER -> CLUSTER;
        };
    }
}
