"""The history gate against noise and against a real regression, with default settings
(historySize 20, baselineRuns 5, maxRegression 10%, significance 0.05): the cpu workload of
4 tasks of size 100 in sequential, threads and processes at 1 and 2 workers. A history of
WARM unchanged runs first; then RUNS rounds of one unchanged run (added to the history, as in a
CI job) and one run slowed by 25% (size 125) against a copy of the same history (so that it
does not become part of the unchanged runs' baseline). Prints false alarms and detections."""
import os
import shutil
import tempfile

from common import mvn, project, report, table, workload

RUNS = int(os.environ.get("GATE_RUNS", "20"))
WARM = int(os.environ.get("GATE_WARM", "5"))
SIZE = 100
history = tempfile.mkdtemp(prefix="speedup-bench-history-")
directory = project("gate-history", "\n".join([
    "<workloads>",
    workload("compute", "cpu", 4, 0).replace("<size>0</size>", "<size>${compute.size}</size>"),
    "</workloads>",
    "<modes>sequential,threads,processes</modes>",
    "<workers>1,2</workers>",
    "<historyDirectory>%s</historyDirectory>" % history,
    "<testbed>bench</testbed>",
    "<haltOnFailure>false</haltOnFailure>"]))


def checks():
    return [c for c in report(directory).iter("check") if c.get("type") == "history"]


for _ in range(WARM):
    mvn(directory, "-Dcompute.size=%d" % SIZE)
false_alarms, detected, busy, rows = 0, 0, 0, []
for run in range(1, RUNS + 1):
    mvn(directory, "-Dcompute.size=%d" % SIZE)
    failed = [c for c in checks() if c.get("status") == "fail"]
    false_alarms += 1 if failed else 0
    rows.append(["unchanged", run, len(failed), "; ".join(c.get("message")[:100] for c in failed) or "-"])
    copy = os.path.join(tempfile.mkdtemp(prefix="speedup-bench-history-copy-"), "history")
    shutil.copytree(history, copy)
    mvn(directory, "-Dcompute.size=%d" % round(SIZE * 1.25), "-Dspeedup.historyDirectory=" + copy)
    slowed = checks()
    hit = any(c.get("status") == "fail" for c in slowed)
    not_compared = all(c.get("status") == "not-compared" for c in slowed)
    detected += 1 if hit else 0
    busy += 1 if not_compared else 0
    rows.append(["compute +25%", run, sum(c.get("status") == "fail" for c in slowed),
                 "detected" if hit else "not compared (busy machine)" if not_compared else "MISSED"])
    shutil.rmtree(os.path.dirname(copy))
table("Every run", ["runs", "#", "failed checks", "what"], rows)
table("The history gate at its defaults, %d warm-up runs, then %d + %d runs" % (WARM, RUNS, RUNS),
      ["false alarms (unchanged runs with a failed check)", "slowdowns detected",
       "slowed runs not compared (machine busy)"],
      [["%d of %d" % (false_alarms, RUNS), "%d of %d" % (detected, RUNS), "%d" % busy]])
