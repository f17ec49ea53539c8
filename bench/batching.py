"""How long an iteration must be to be timed: the same short work (2 cpu tasks of about 1 ms)
batched to iterations of about 2, 4, 10, 20, 30, 50 and 100 ms sequentially (batchSize 1 to 50),
sequential against threads x2, sampled the default way (maxTimeInSeconds 8 per workload), in BUILDS
builds on a quiet machine and BUILDS builds while a burner takes about a third of a core in bursts
(20 ms busy, 40 ms idle: another build's compiler, a browser). Per iteration length: the spread of
threads x2's speedup over the builds against the median of the longest iterations' (the 2 cores'
answer), and how many results were flagged (unstable, short of target, on a busy machine). The
plugin's automatic batch aims at the shortest length whose speedups stay within +-3% in every build.

Extra arguments go to Maven (e.g. -Dmaven.repo.local=... to use a plugin installed elsewhere)."""
import multiprocessing
import sys
import time

from common import machine, median, mvn, project, report, result, table

BUILDS = 2
BATCHES = [1, 2, 5, 10, 15, 25, 50]


def burn(stop):
    """About a third of a core, in bursts: the load a shared machine puts beside a build."""
    while not stop.is_set():
        end = time.monotonic() + 0.020
        while time.monotonic() < end:
            pass
        time.sleep(0.040)


def configuration():
    workloads = "".join(
        "<workload><name>b%d</name><kind>cpu</kind><tasks>2</tasks><size>1</size><batchSize>%d</batchSize>"
        "<maxTimeInSeconds>8</maxTimeInSeconds></workload>" % (batch, batch) for batch in BATCHES)
    return ("<workloads>%s</workloads><modes>sequential,threads</modes><workers>2</workers>"
            "<formats>xml</formats>" % workloads)


def builds(busy):
    """Per batch: (sequential median ms, threads x2 speedup, flagged) of every build."""
    seen = {batch: [] for batch in BATCHES}
    for _ in range(BUILDS):
        directory = project("batching", configuration())
        stop = multiprocessing.Event()
        burner = multiprocessing.Process(target=burn, args=(stop,)) if busy else None
        if burner:
            burner.start()
        try:
            mvn(directory, *sys.argv[1:])
        finally:
            if burner:
                stop.set()
                burner.join()
        root = report(directory)
        for batch in BATCHES:
            sequential = result(root, "b%d" % batch, "sequential", 1)
            threads = result(root, "b%d" % batch, "threads", 2)
            flagged = any(r.get(flag) == "true" for r in (sequential, threads)
                          for flag in ("unstable", "contaminated", "shortOfTarget"))
            seen[batch].append((float(sequential.get("medianMs")), float(threads.get("speedup")), flagged))
    return seen


def rows(seen):
    reference = median([speedup for _, speedup, _ in seen[BATCHES[-1]]])
    out = []
    for batch in BATCHES:
        runs = seen[batch]
        worst = max(abs(speedup / reference - 1) for _, speedup, _ in runs)
        out.append(["%d" % batch, "%.1f" % median([ms for ms, _, _ in runs]),
                    " ".join("%.3f" % speedup for _, speedup, _ in runs), "%.1f%%" % (100 * worst),
                    "%d of %d" % (sum(1 for run in runs if run[2]), len(runs))])
    return out


print(machine())
header = ["batchSize", "sequential median ms", "threads x2 speedup per build", "worst off the longest's median",
          "results flagged"]
table("Quiet machine, %d builds" % BUILDS, header, rows(builds(False)))
table("A third of a core busy in bursts, %d builds" % BUILDS, header, rows(builds(True)))
