package io.github.speedup.measure;

import io.github.speedup.report.Report;

/**
 * A deliberate violation, for {@code ArchitectureTest} only: the measuring side reaching up into the
 * report model. It lives among the tests, so the real layering check never sees it.
 */
final class ImportsUpwards {

    static boolean complete(Report report) {
        return report.complete();
    }
}
