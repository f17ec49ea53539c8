package io.github.speedup.execution.breakdown;

import io.github.speedup.text.VisibleText;

/**
 * A deliberate violation, for {@code ArchitectureTest} only: the breakdown, which runs in the
 * workload's JVM with the JDK alone, reaching into the plugin. It lives among the tests, so the real
 * check never sees it.
 */
public final class BreakdownImportsThePlugin {

    private BreakdownImportsThePlugin() {
    }

    static String visible(String text) {
        return VisibleText.of(text);
    }
}
