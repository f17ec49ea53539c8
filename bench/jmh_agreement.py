"""Agreement with JMH: the same cpu task (size 20) timed by JMH 1.37 (average time per op, 1
thread, then 2 threads, 1 fork) and by the plugin (sequential per-task median; threads ×2
per-task time, 16 tasks per iteration so that the pool can balance them as JMH's threads
balance their operations), as ratios. This machine's speed drifts by up to 15% within minutes (neighbours on
the host), so JMH and the plugin take turns, ROUNDS times, and each round's ratio pairs runs made
a minute apart; the table gives every round and the median."""
import json
import os
import subprocess
import tempfile

from common import ROOT, median, mvn, project, report, result, table, workload

SIZE, TASKS = 20, int(os.environ.get("JMH_TASKS", "16"))
jmh_dir = os.path.join(ROOT, "bench", "jmh")
# clean: the JMH jar shades the installed plugin, so a changed plugin API must fail here, at compile time
subprocess.run(["mvn", "-B", "-q", "clean", "package"], cwd=jmh_dir, check=True, stdout=subprocess.DEVNULL)
ROUNDS = int(os.environ.get("JMH_ROUNDS", "5"))
directory = project("jmh-agreement", "\n".join([
    "<workloads>", workload("cpu", "cpu", TASKS, SIZE), "</workloads>",
    "<modes>sequential,threads</modes>", "<workers>2</workers>"]))  # sampled to ±3%, the default
rows, one, two = [], [], []
for round_number in range(1, ROUNDS + 1):
    out = os.path.join(tempfile.mkdtemp(prefix="speedup-bench-jmh-"), "jmh.json")
    subprocess.run(["java", "-jar", os.path.join(jmh_dir, "target", "benchmarks.jar"), "-rf", "json", "-rff", out],
                   check=True, stdout=subprocess.DEVNULL)
    jmh = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["score"] for b in json.load(open(out))}
    if set(jmh) != {"oneThread", "twoThreads"}:
        raise SystemExit("JMH measured %s, not both benchmarks: run the benchmarks jar by hand to see why" % sorted(jmh))
    mvn(directory)
    root = report(directory)
    sequential_per_task = float(result(root, "cpu", "sequential", 1).get("medianMs")) / TASKS
    threads_per_task = float(result(root, "cpu", "threads", 2).get("medianMs")) / (TASKS / 2)
    one.append(sequential_per_task / jmh["oneThread"])
    two.append(threads_per_task / jmh["twoThreads"])
    rows.append([str(round_number), "%.2f / %.2f" % (jmh["oneThread"], jmh["twoThreads"]),
                 "%.2f / %.2f" % (sequential_per_task, threads_per_task), "%.3f" % one[-1], "%.3f" % two[-1]])
rows.append(["median", "", "", "%.3f" % median(one), "%.3f" % median(two)])
table("Agreement with JMH 1.37: the cpu task of size %d, ms per task, JMH and the plugin taking turns" % SIZE,
      ["round", "JMH avg ms/op (1 / 2 threads)", "plugin ms/task (1 / 2 threads)", "plugin / JMH, 1 thread",
       "plugin / JMH, 2 threads"], rows)
