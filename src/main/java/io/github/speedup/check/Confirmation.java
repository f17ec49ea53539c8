package io.github.speedup.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A comparison that would fail the build is measured again first, a second independent stretch of
 * paired rounds in the same build, and fails only when that second measurement fails it too: where
 * one measurement raises a false alarm with probability p, two independent ones agree on it with
 * about p². This class decides which checks wait for a second measurement and what the two say
 * together; measuring is the engine's. Rules are limits on a figure, not comparisons, and are never
 * measured again.
 */
public final class Confirmation {

    /** The reason of a check whose second measurement did not bear out the first. */
    public static final String NOT_CONFIRMED = "not confirmed";

    private Confirmation() {
    }

    /** The checks a second measurement must confirm before the build fails: failed comparisons, in order. */
    public static List<CheckResult> pending(Verdict verdict) {
        return verdict.checks().stream().filter(Confirmation::confirmable).toList();
    }

    private static boolean confirmable(CheckResult check) {
        return check.failed() && check.kind() != CheckKind.RULE && check.confirmation() == null;
    }

    /**
     * The verdict after the second measurement: a failure stands where the same check (kind, workload,
     * mode, workers, metric) fails on the second measurement too; where the second finds it unchanged
     * it passes, and else (inconclusive, improved, not measured) it is inconclusive, never a failure.
     * Each such check keeps the second one as its {@link CheckResult#confirmation()}.
     *
     * @param second  the gate's verdict on the second measurement, which holds only what it measured again
     * @param failure why the second measurement stopped early, or {@code null}
     */
    public static Verdict combine(Verdict first, Verdict second, String failure) {
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult check : first.checks()) {
            if (!confirmable(check)) {
                checks.add(check);
                continue;
            }
            Optional<CheckResult> again = same(second.checks(), check);
            checks.add(again.isPresent() ? judge(check, again.get()) : unmeasured(check, failure));
        }
        return new Verdict(checks, first.notes());
    }

    /**
     * For {@code speedup:check}, which reads a report and cannot measure: a failure it finds again is
     * judged with the second measurement the run recorded for that check, as the run judged it. A
     * failure the run did not measure again (a baseline only {@code check} was given) stands, on one
     * measurement.
     *
     * @param recorded the verdict the report holds
     */
    public static Verdict recorded(Verdict judged, Verdict recorded) {
        List<CheckResult> seconds = recorded.checks().stream().map(CheckResult::confirmation)
                .filter(Objects::nonNull).toList();
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult check : judged.checks()) {
            Optional<CheckResult> again = confirmable(check) ? same(seconds, check) : Optional.empty();
            checks.add(again.map(second -> judge(check, second)).orElse(check));
        }
        return new Verdict(checks, judged.notes());
    }

    private static Optional<CheckResult> same(List<CheckResult> checks, CheckResult like) {
        return checks.stream().filter(c -> c.kind() == like.kind() && c.workload().equals(like.workload())
                && c.mode() == like.mode() && c.workers() == like.workers() && c.metric() == like.metric()).findFirst();
    }

    private static CheckResult judge(CheckResult first, CheckResult second) {
        if (second.failed()) {
            return first.confirmed(CheckStatus.FAIL, first.message() + ". Confirmed by a second measurement: "
                    + second.message(), null, second);
        }
        String both = ". First measurement: " + first.message() + ". Second measurement: " + second.message();
        if (second.status() == CheckStatus.PASS) {
            return first.confirmed(CheckStatus.PASS, "Not confirmed for " + name(first)
                    + ": measured again, it is unchanged" + both, null, second);
        }
        return first.confirmed(CheckStatus.INCONCLUSIVE, "Not confirmed for " + name(first) + ": measured again, it is "
                + second.status().id().replace('-', ' ') + both, NOT_CONFIRMED, second);
    }

    private static CheckResult unmeasured(CheckResult first, String failure) {
        return first.confirmed(CheckStatus.INCONCLUSIVE, "Not confirmed for " + name(first)
                + ": the second measurement has no result for it" + (failure == null ? "" : " (" + failure + ")")
                + ". First measurement: " + first.message(), NOT_CONFIRMED, null);
    }

    private static String name(CheckResult check) {
        return "workload " + check.workload() + ", mode " + check.mode().id() + " ×" + check.workers();
    }
}
