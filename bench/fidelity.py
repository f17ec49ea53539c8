"""Fidelity against physics: sleeps and the seed demo against their ideal times, and the cpu
speedup at W = cores against the ideal min(W, cores). All from one plugin run, sampled the
default way (to a ±3% median), with the iterations each result took and the precision reached."""
import math
import os

from common import mvn, project, report, result, table, workload

cores = os.cpu_count()
SLEEP_TASKS, SLEEP_MS, CPU_TASKS, CPU_SIZE = 8, 100, 2 * cores, 100
directory = project("fidelity", "\n".join([
    "<workloads>",
    workload("sleep", "sleep", SLEEP_TASKS, SLEEP_MS),
    workload("seed-demo", "seed-demo", 2, 200),
    workload("cpu", "cpu", CPU_TASKS, CPU_SIZE),
    "</workloads>",
    # sampled to the default target precision, as a user's run is
    "<workers>%d</workers>" % cores]))
mvn(directory)
root = report(directory)


def row(name, mode, workers, ideal):
    r = result(root, name, mode, workers)
    if r.get("skipped") == "true":
        return [name, "%s ×%d" % (mode, workers), "%.1f" % ideal, "skipped", "–", "–", "–"]
    measured = float(r.get("medianMs"))
    return [name, "%s ×%d" % (mode, workers), "%.1f" % ideal, "%.1f" % measured,
            "%+.1f%%" % ((measured - ideal) / ideal * 100), len(r.findall("sample")),
            "±%.1f%%" % (float(r.get("precision")) * 100)]


rows = [row("sleep", "sequential", 1, SLEEP_TASKS * SLEEP_MS)]
for mode in ["threads", "virtual", "processes", "pool"]:
    rows.append(row("sleep", mode, cores, math.ceil(SLEEP_TASKS / cores) * SLEEP_MS))
rows.append(row("seed-demo", "sequential", 1, 1200))
for mode in ["threads", "virtual", "processes", "pool"]:
    rows.append(row("seed-demo", mode, cores, 600))
table("Fidelity: median time against the ideal (processes include JVM start-up; the pool starts its JVMs once, outside the iterations)",
      ["workload", "mode", "ideal ms", "median ms", "error", "iterations", "precision"], rows)

speedups = []
for mode in ["threads", "virtual", "processes", "pool"]:
    r = result(root, "cpu", mode, cores)
    if r.get("skipped") != "true":
        s = float(r.get("speedup"))
        speedups.append(["cpu", "%s ×%d" % (mode, cores), "%.2f" % min(cores, cores), "%.2f" % s,
                         "%.2f" % (s / min(cores, cores))])
table("CPU-bound speedup at W = cores against the ideal min(W, cores)",
      ["workload", "mode", "ideal", "speedup", "ratio"], speedups)
