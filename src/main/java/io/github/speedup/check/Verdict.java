package io.github.speedup.check;

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
}
