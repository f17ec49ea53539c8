"""An A/A experiment on this machine (issue 28, item 1): BUILDS builds of the same project, one
workload measured at the plugin's defaults (sampled to targetPrecision, stopped by its own rule);
per result, the share of builds whose 95% speedup interval contains the median of all the builds'
speedups, the best stand-in for the true speedup that the machine offers. The unit test
WorkloadSamplingCoverageTest measures coverage against a known truth in simulation; this is the same
question asked of real builds, where the truth also drifts with the machine between builds (so a
share somewhat below 95% can be the machine, not the interval). Each build takes the machine lock:
    python3 bench/coverage_aa.py        (BUILDS=20 by default)"""
import os
import statistics
import subprocess
import time

from common import machine, project, report, result, table, workload

BUILDS = int(os.environ.get("BUILDS", "20"))
LOCK = os.environ.get("LOCK", "/tmp/speedup-measure.lock")
RESULTS = (("threads", 2),)
directory = project("aa", "\n".join([
    "<workloads>",
    workload("work", "cpu", 8, 8),
    "</workloads>",
    "<modes>sequential,threads</modes>",
    "<workers>2</workers>"]))

started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
seen = {key: [] for key in RESULTS}
for build in range(BUILDS):
    subprocess.run(["flock", LOCK, "mvn", "-B", "-q", "verify"], cwd=directory, check=True,
                   stdout=subprocess.DEVNULL)
    root = report(directory)
    for mode, workers in RESULTS:
        r = result(root, "work", mode, workers)
        seen[(mode, workers)].append((float(r.get("speedup")), float(r.get("speedupCiLow")),
                                      float(r.get("speedupCiHigh")), len(r.findall("sample")),
                                      r.get("stoppedBy")))
    print("build %d of %d: %s" % (build + 1, BUILDS, "; ".join(
        "%s x%d %.3f [%.3f, %.3f] %d pairs %s" % (m, w, *seen[(m, w)][-1]) for m, w in RESULTS)), flush=True)

rows = []
for (mode, workers), builds in seen.items():
    centre = statistics.median(s for s, _, _, _, _ in builds)
    covered = sum(1 for _, low, high, _, _ in builds if low <= centre <= high)
    rows.append(["%s x%d" % (mode, workers), "%.3f" % centre,
                 "%.3f-%.3f" % (min(s for s, *_ in builds), max(s for s, *_ in builds)),
                 "%d of %d (%.0f%%)" % (covered, len(builds), 100.0 * covered / len(builds)),
                 "±%.1f%%" % (100 * statistics.median((h - l) / 2 / s for s, l, h, _, _ in builds)),
                 "%g" % statistics.median(n for *_, n, _ in builds)])
table("A/A: %d builds of one workload (cpu, 8 tasks) at the defaults, from %s; %s"
      % (BUILDS, started, machine()),
      ["result", "median speedup of all builds", "range", "builds whose interval holds it",
       "median half-width", "median pairs"], rows)
