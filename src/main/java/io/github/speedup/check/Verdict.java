package io.github.speedup.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
        return checks.stream().allMatch(Verdict::passes);
    }

    /**
     * The checks that did not fail, counted by outcome as the log counts them: {@code 1 passed,
     * 2 not compared}; empty without any.
     */
    public String notFailedCounts() {
        List<String> parts = new ArrayList<>();
        count(parts, Verdict::passes, "passed");
        count(parts, c -> !c.failed() && c.status() == CheckStatus.INCONCLUSIVE, "inconclusive");
        count(parts, c -> !c.failed() && c.status() == CheckStatus.NOT_COMPARED, "not compared");
        return String.join(", ", parts);
    }

    private void count(List<String> parts, Predicate<CheckResult> which, String outcome) {
        long count = checks.stream().filter(which).count();
        if (count > 0) {
            parts.add(count + " " + outcome);
        }
    }

    private static boolean passes(CheckResult check) {
        return !check.failed() && (check.status() == CheckStatus.PASS || check.status() == CheckStatus.IMPROVED);
    }
}
