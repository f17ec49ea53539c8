"""The gate on unchanged code (issue: a history gate that failed unchanged code): a project of five
workloads in sequential, threads and pool at 1 and 2 workers (25 results, 45 history checks per run,
alloc's results often unstable), measured with a history at the defaults (maxRegression 10%,
significance 0.05 with Holm's correction, baselineRuns 5, minBaselineRuns 3). WARM runs start the
history; then RUNS unchanged runs, each added to the history as a CI job would. Prints, per run,
the checks by status, and in all the runs with a failed check (false alarms)."""
import collections
import os
import tempfile

from common import machine, mvn, project, report, table, workload

RUNS = int(os.environ.get("GATE_RUNS", "20"))
WARM = int(os.environ.get("GATE_WARM", "3"))
history = tempfile.mkdtemp(prefix="speedup-bench-unchanged-")
directory = project("gate-unchanged", "\n".join([
    "<workloads>",
    workload("naps", "sleep", 8, 8),
    workload("compute", "cpu", 8, 8),
    workload("compute-small", "cpu", 4, 4),
    workload("gil", "contended", 8, 6),
    workload("garbage", "alloc", 2, 100),
    "</workloads>",
    "<modes>sequential,threads,pool</modes>",
    "<workers>1,2</workers>",
    "<maxTimeInSeconds>3</maxTimeInSeconds>",
    "<historyDirectory>%s</historyDirectory>" % history,
    "<testbed>bench</testbed>",
    "<haltOnFailure>false</haltOnFailure>"]))

print("Machine:", machine())
for _ in range(WARM):
    mvn(directory)
rows, false_alarms, totals = [], 0, collections.Counter()
for run in range(1, RUNS + 1):
    seconds = mvn(directory)
    root = report(directory)
    checks = [c for c in root.iter("check") if c.get("type") == "history"]
    statuses = collections.Counter(c.get("status") for c in checks)
    totals.update(statuses)
    unstable = sum(1 for r in root.iter("result") if r.get("unstable") == "true")
    failed = [c.get("message")[:120] for c in checks if c.get("status") == "fail"]
    false_alarms += 1 if failed else 0
    rows.append([run, "%.0f" % seconds, len(checks), statuses["pass"], statuses["inconclusive"],
                 statuses["improved"], statuses["not-compared"], statuses["fail"], unstable,
                 "; ".join(failed) or "-"])
table("Every unchanged run", ["#", "build s", "history checks", "pass", "inconclusive", "improved",
                              "not compared", "fail", "unstable results", "failures"], rows)
table("The history gate on %d unchanged runs after %d warm-up runs" % (RUNS, WARM),
      ["false alarms (runs with a failed check)", "checks in all", "inconclusive in all"],
      [["%d of %d" % (false_alarms, RUNS), sum(totals.values()), totals["inconclusive"]]])
