"""The gate against noise and against a real regression: a fresh baseline, then 10 unchanged
runs and 10 runs with a 25% slowdown injected into one workload, all with the default 10%
threshold and 0.05 significance. Prints the false-alarm count and the detection count."""
import os

from common import mvn, project, report, table, workload

RUNS = int(os.environ.get("GATE_RUNS", "10"))
CPU, SLEEP = 80, 40
directory = project("gate", "\n".join([
    "<workloads>",
    workload("compute", "cpu", 2, 0).replace("<size>0</size>", "<size>${compute.size}</size>"),
    workload("waits", "sleep", 8, SLEEP),
    "</workloads>",
    "<modes>sequential,threads,processes</modes>",
    "<workers>2</workers>",
    "<baseline>${project.basedir}/baseline.xml</baseline>",
    "<haltOnFailure>false</haltOnFailure>"]))
mvn(directory, "-Dcompute.size=%d" % CPU, "-Dspeedup.updateBaseline=true")


def failures():
    return [c for c in report(directory).iter("check") if c.get("status") == "fail"]


false_alarms, detected, rows = 0, 0, []
for run in range(1, RUNS + 1):
    mvn(directory, "-Dcompute.size=%d" % CPU)
    failed = failures()
    false_alarms += 1 if failed else 0
    rows.append(["unchanged", run, len(failed), "; ".join(c.get("message")[:90] for c in failed) or "-"])
for run in range(1, RUNS + 1):
    mvn(directory, "-Dcompute.size=%d" % round(CPU * 1.25))
    failed = failures()
    hit = any(c.get("workload") == "compute" for c in failed)
    wrong = [c for c in failed if c.get("workload") != "compute"]
    detected += 1 if hit else 0
    false_alarms += 1 if wrong else 0
    rows.append(["compute +25%", run, len(failed), "detected" if hit else "MISSED"])
table("Every run", ["runs", "#", "failed checks", "what"], rows)
table("The gate at maxRegression 10%%, significance 0.05, %d + %d runs" % (RUNS, RUNS),
      ["false alarms (unchanged runs that failed, or slowed runs blaming another workload)",
       "slowdowns detected"], [["%d" % false_alarms, "%d of %d" % (detected, RUNS)]])
