"""Agreement with JMH: the same cpu task (size 20) timed by JMH 1.37 (average time per op, 1
thread, then 2 threads, 1 fork) and by the plugin (sequential per-task median; threads ×2
per-task time), as ratios, in one run."""
import json
import os
import subprocess
import tempfile

from common import ROOT, mvn, project, report, result, table, workload

SIZE, TASKS = 20, 4
jmh_dir = os.path.join(ROOT, "bench", "jmh")
subprocess.run(["mvn", "-B", "-q", "package"], cwd=jmh_dir, check=True, stdout=subprocess.DEVNULL)
out = os.path.join(tempfile.mkdtemp(prefix="speedup-bench-jmh-"), "jmh.json")
subprocess.run(["java", "-jar", os.path.join(jmh_dir, "target", "benchmarks.jar"), "-rf", "json", "-rff", out],
               check=True, stdout=subprocess.DEVNULL)
jmh = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["score"] for b in json.load(open(out))}

directory = project("jmh-agreement", "\n".join([
    "<workloads>", workload("cpu", "cpu", TASKS, SIZE), "</workloads>",
    "<modes>sequential,threads</modes>", "<workers>2</workers>", "<iterations>10</iterations>"]))
mvn(directory)
root = report(directory)
sequential_per_task = float(result(root, "cpu", "sequential", 1).get("medianMs")) / TASKS
threads_per_task = float(result(root, "cpu", "threads", 2).get("medianMs")) / (TASKS / 2)
table("Agreement with JMH 1.37: the cpu task of size %d, ms per task" % SIZE,
      ["threads", "JMH avg ms/op", "plugin ms/task", "plugin / JMH"],
      [["1", "%.2f" % jmh["oneThread"], "%.2f" % sequential_per_task, "%.3f" % (sequential_per_task / jmh["oneThread"])],
       ["2", "%.2f" % jmh["twoThreads"], "%.2f" % threads_per_task, "%.3f" % (threads_per_task / jmh["twoThreads"])]])
