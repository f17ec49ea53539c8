package io.github.speedup.format.html;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gate found: its notes, the checks a person must read first, then the passed ones folded.
 */
final class ChecksSection implements Section {

    @Override
    public void write(Page page, Report report, Verdict verdict) throws IOException {
        if (verdict.checks().isEmpty() && verdict.notes().isEmpty()) {
            return;
        }
        page.line(heading(verdict));
        for (String note : verdict.notes()) {
            page.line(Element.of("p", "warning note").text(note));
        }
        if (verdict.checks().isEmpty()) {
            return;
        }
        List<CheckResult> passed = verdict.checks().stream().filter(c -> c.status() == CheckStatus.PASS).toList();
        List<CheckResult> shown = new ArrayList<>(verdict.failures());
        verdict.checks().stream().filter(c -> !c.failed() && c.status() != CheckStatus.PASS).forEach(shown::add);
        if (!shown.isEmpty()) {
            page.line(checkTable(shown));
        }
        if (!passed.isEmpty()) {
            page.line(Element.of("details", "passed-checks").add(Element.of("summary").text(passed.size() + " of "
                    + verdict.checks().size() + (verdict.checks().size() == 1 ? " check" : " checks") + " passed"))
                    .nl().line(checkTable(passed)));
        }
    }

    /** How many failed, or how the others came out (inconclusive, not compared), or that all passed. */
    private static Element heading(Verdict verdict) {
        long failed = verdict.failures().size();
        Element heading = Element.of("h2").id("checks").text("Checks: ");
        return failed > 0 ? heading.add(Element.of("span", "bad").text(failed + " failed"))
                : verdict.allPassed() ? heading.add(Element.of("span", "good").text("all passed"))
                : heading.text("none failed, " + verdict.notFailedCounts());
    }

    /** The checks a person must read first (failures, then what is neither pass nor fail) or may unfold (passes). */
    private static Element checkTable(List<CheckResult> checks) {
        Element body = Element.of("tbody").nl();
        for (CheckResult check : checks) {
            body.line(Element.of("tr", "check " + check.status().id())
                    .add(Element.of("td", "text status").text(check.status().id()))
                    .add(Element.of("td", "text").text(check.message())));
        }
        return Element.of("table", "checks").nl().line(Element.of("thead").add(Element.of("tr")
                .add(Element.of("th", "text").text("status")).add(Element.of("th", "text").text("check"))))
                .line(body);
    }
}
