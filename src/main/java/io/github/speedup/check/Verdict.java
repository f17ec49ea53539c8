package io.github.speedup.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the gate found.
 *
 * @param checks every check made, passed or not
 * @param notes  what a person should know that is not a check: a baseline missing or from another machine
 */
public record Verdict(List<CheckResult> checks, List<String> notes) {

    public Verdict {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public static final Verdict NONE = new Verdict(List.of(), List.of());

    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Whether every check passed (an improvement passes): none failed, none inconclusive or not compared. */
    public boolean allPassed() {
        return checks.stream().allMatch(c -> !c.failed()
                && (c.status() == CheckStatus.PASS || c.status() == CheckStatus.IMPROVED));
    }

    /**
     * The checks that did not fail, counted by outcome as the log counts them: {@code 1 passed,
     * 2 not compared}; empty without any.
     */
    public String notFailedCounts() {
        List<String> parts = new ArrayList<>();
        long passed = checks.stream().filter(c -> !c.failed()
                && (c.status() == CheckStatus.PASS || c.status() == CheckStatus.IMPROVED)).count();
        long inconclusive = checks.stream().filter(c -> !c.failed() && c.status() == CheckStatus.INCONCLUSIVE).count();
        long notCompared = checks.stream().filter(c -> !c.failed() && c.status() == CheckStatus.NOT_COMPARED).count();
        if (passed > 0) {
            parts.add(passed + " passed");
        }
        if (inconclusive > 0) {
            parts.add(inconclusive + " inconclusive");
        }
        if (notCompared > 0) {
            parts.add(notCompared + " not compared");
        }
        return String.join(", ", parts);
    }
}
