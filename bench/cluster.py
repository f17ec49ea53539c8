"""The cluster's price per task: a 2-member embedded Hazelcast cluster against the pool of 2 worker
JVMs and 2 threads, for 8 `cpu` tasks of 1 to 50 ms each (a `cpu` unit is about 1 ms on one core),
all in one build so every mode sees the same machine. Per task size: each mode's speedup over
sequential, the cluster's share of the pool's speedup, and the cluster's overhead per task in ms,
twice: from its ipcMs (the iteration's time that was not the tasks' own compute, as the driver
measured it) and from its wall time beyond the pool's. Then the task size from which the cluster
reaches 90% of the pool's speedup. Start-up (clusterStartupMs, poolStartupMs) is paid once per
workload and not in these figures; its median is printed apart.

Needs the plugin installed with the cluster mode and Hazelcast (HAZELCAST, default 5.7.0) in the
local repository; it is resolved from there, or from Central when online."""
import os

from common import mvn, project, report, result, table, workload, machine, median

TASKS = int(os.environ.get("TASKS", "8"))
SIZES = [int(s) for s in os.environ.get("SIZES", "1,2,5,10,20,50").split(",")]
ITERATIONS = int(os.environ.get("ITERATIONS", "15"))
HAZELCAST = os.environ.get("HAZELCAST", "5.7.0")
TARGET = 0.90

workloads = "".join(workload("cpu-%d" % size, "cpu", TASKS, size) for size in SIZES)
directory = project("cluster", "<workloads>%s</workloads><modes>sequential,threads,pool,cluster</modes>"
                               "<workers>2</workers><iterations>%d</iterations>"
                               "<hazelcastVersion>%s</hazelcastVersion>" % (workloads, ITERATIONS, HAZELCAST))
mvn(directory)
root = report(directory)

rows, overhead_rows, startups = [], [], []
reaches = None
for size in SIZES:
    name = "cpu-%d" % size
    threads, pool, cluster = (result(root, name, mode, 2) for mode in ("threads", "pool", "cluster"))
    speedups = [float(r.get("speedup")) for r in (threads, pool, cluster)]
    share = speedups[2] / speedups[1]
    if share >= TARGET and reaches is None:
        reaches = size
    elif share < TARGET:
        reaches = None  # reached only if it stays reached at every larger size
    flagged = [mode for mode in ("sequential", "threads", "pool", "cluster")
               for r in [result(root, name, mode, 1 if mode == "sequential" else 2)]
               if r.get("unstable") == "true" or r.get("contaminated") == "true"]
    rows.append([size, "%.2f" % speedups[0], "%.2f" % speedups[1], "%.2f" % speedups[2], "%.0f%%" % (share * 100),
                 " ".join(flagged) or "-"])
    cluster_ms, pool_ms = float(cluster.get("medianMs")), float(pool.get("medianMs"))
    overhead_rows.append([size, "%.1f" % pool_ms, "%.1f" % cluster_ms,
                          "%.2f" % (float(pool.get("ipcMs")) / TASKS), "%.2f" % (float(cluster.get("ipcMs")) / TASKS),
                          "%.2f" % ((cluster_ms - pool_ms) / TASKS), cluster.get("movedBytes")])
    startups.append((float(pool.get("poolStartupMs")), float(cluster.get("clusterStartupMs"))))

print(machine())
table("Speedup over sequential, %d cpu tasks, 2 workers" % TASKS,
      ["task ms", "threads x2", "pool x2", "cluster x2", "cluster / pool", "unstable or contaminated"], rows)
table("Overhead per task (iteration medians)",
      ["task ms", "pool ms", "cluster ms", "pool ipc/task ms", "cluster ipc/task ms",
       "(cluster - pool)/task ms", "cluster movedBytes"], overhead_rows)
table("Start-up, once per workload (median over the workloads)",
      ["pool ms", "cluster ms"],
      [["%.0f" % median([p for p, _ in startups]), "%.0f" % median([c for _, c in startups])]])
print("\nThe cluster reaches %d%% of the pool's speedup from tasks of %s"
      % (TARGET * 100, "%d ms" % reaches if reaches is not None else "more than %d ms (not within the sizes run)"
         % SIZES[-1]))
