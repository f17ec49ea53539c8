package io.github.speedup.format.html;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gate found: its notes, the checks a person must read first, then the passed ones folded.
 */
final class ChecksSection {

    private ChecksSection() {
    }

    static void write(Writer html, Verdict verdict) throws IOException {
        if (verdict.checks().isEmpty() && verdict.notes().isEmpty()) {
            return;
        }
        long failed = verdict.failures().size();
        long inconclusive = verdict.checks().stream().filter(c -> c.status() == CheckStatus.INCONCLUSIVE).count();
        html.write("<h2 id=\"checks\">Checks: " + (failed > 0 ? "<span class=\"bad\">" + failed + " failed</span>"
                : inconclusive > 0 ? "none failed, " + inconclusive + " inconclusive"
                : "<span class=\"good\">all passed</span>") + "</h2>\n");
        for (String note : verdict.notes()) {
            html.write("<p class=\"warning note\">" + Html.escape(note) + "</p>\n");
        }
        if (verdict.checks().isEmpty()) {
            return;
        }
        List<CheckResult> passed = verdict.checks().stream().filter(c -> c.status() == CheckStatus.PASS).toList();
        List<CheckResult> shown = new ArrayList<>(verdict.failures());
        verdict.checks().stream().filter(c -> !c.failed() && c.status() != CheckStatus.PASS).forEach(shown::add);
        if (!shown.isEmpty()) {
            checkTable(html, shown);
        }
        if (!passed.isEmpty()) {
            html.write("<details class=\"passed-checks\"><summary>" + passed.size() + " of " + verdict.checks().size()
                    + (verdict.checks().size() == 1 ? " check" : " checks") + " passed</summary>\n");
            checkTable(html, passed);
            html.write("</details>\n");
        }
    }

    /** The checks a person must read first (failures, then what is neither pass nor fail) or may unfold (passes). */
    static void checkTable(Writer html, List<CheckResult> checks) throws IOException {
        html.write("<table class=\"checks\">\n<thead><tr><th class=\"text\">status</th><th class=\"text\">check</th>"
                + "</tr></thead>\n<tbody>\n");
        for (CheckResult check : checks) {
            html.write("<tr class=\"check " + check.status().id() + "\"><td class=\"text status\">"
                    + check.status().id() + "</td><td class=\"text\">" + Html.escape(check.message()) + "</td></tr>\n");
        }
        html.write("</tbody>\n</table>\n");
    }
}
