"""How long a user workload takes to answer, this version against an earlier one, side by side.

Issue 27's target: on 2 cores, a user workload of 50-100 ms per iteration with all five modes
answers its reading and recommendation in at most 20 s, with the results that decide it known to
±3%. Two workloads of the project's own classes (bench/answer/: 8 tasks of about 10 ms each,
CPU-bound `crunch` and lock-bound `registry`), the modes sequential, threads, virtual, processes and
pool at the default worker counts and sampling, `maxTimeInSeconds` 20 as the user of the field
trial set it, one workload per build, the two versions taking
turns build by build so both see the same machine. Per version and workload: the median build
time, the median time the workload itself took (speedup.xml's workload/time where the version writes
it), the builds whose reading named the lesson, the builds whose deciding results (the
plugin's own: each in-JVM mode at the core count and the faster of processes and pool there) were
all known to ±3%, the widest of them, the results
the budget left not measured, and the WARNING lines.

Virtual threads need Java 21+ for the measurement JVM: run Maven on Java 21+ (JAVA_HOME) to include
them; on Java 17 they are reported skipped on both sides alike.

The earlier version must be installed under its own version, e.g. from a worktree at its commit
with the POM's version changed to 0.1.0-a86d61b, `mvn -B -q install -DskipTests -Dinvoker.skip`,
and named with EARLIER=0.1.0-a86d61b (the default)."""
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

from common import ROOT, VERSION, java_pom, table

EARLIER = os.environ.get("EARLIER", "0.1.0-a86d61b")
# EARLIER= (empty) measures this version alone.
VERSIONS = [v for v in (VERSION, EARLIER) if v]
BUILDS = int(os.environ.get("BUILDS", "3"))
CORES = os.cpu_count()
WORKLOADS = {"crunch": ("bench.Crunch", "cpu-bound"), "registry": ("bench.Registry", "lock-bound")}

CONFIGURATION = """          <workloads><workload><name>{name}</name><className>{cls}</className><tasks>8</tasks></workload></workloads>
          <modes>sequential,threads,virtual,processes,pool</modes>
          <maxTimeInSeconds>20</maxTimeInSeconds>
"""


def project(version, name):
    directory = tempfile.mkdtemp(prefix="speedup-bench-answer-%s-%s-" % (name, version))
    shutil.copytree(os.path.join(ROOT, "bench", "answer", "src"), os.path.join(directory, "src"))
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(java_pom("bench", "answer", "1.0", version, CONFIGURATION.format(name=name, cls=WORKLOADS[name][0])))
    return directory


def build(directory):
    """`mvn -B verify` there: the wall time in seconds and the WARNING lines of the plugin's run."""
    start = time.monotonic()
    done = subprocess.run(["mvn", "-B", "-o", "verify"], cwd=directory, check=True, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    warnings = [line for line in done.stdout.splitlines() if line.startswith("[WARNING]")
                and "JAR will be empty" not in line]
    return seconds, warnings


def deciding_precision(workload):
    """The widest relative half-width of the speedups the reading rests on (the plugin's own deciding
    results, issue 27 item 2): each in-JVM mode at the core count, and the faster of processes and
    pool there. Returns (half-width, the result's label)."""
    at_cores = {}
    for r in workload.iter("result"):
        if r.get("skipped") == "true" or r.get("mode") == "sequential" or r.get("speedupCiLow") is None:
            continue
        if int(r.get("workers")) == min(CORES, 8):
            at_cores[r.get("mode")] = r
    separate = [at_cores[m] for m in ("processes", "pool") if m in at_cores]
    deciding = [r for m, r in at_cores.items() if m not in ("processes", "pool")]
    if separate:
        deciding.append(max(separate, key=lambda r: float(r.get("speedup"))))
    widest, label = 0.0, "-"
    for r in deciding:
        low, high, speedup = (float(r.get(a)) for a in ("speedupCiLow", "speedupCiHigh", "speedup"))
        if (high - low) / 2 / speedup > widest:
            widest, label = (high - low) / 2 / speedup, "%s x%s" % (r.get("mode"), r.get("workers"))
    return widest, label


def main():
    rows = []
    figures = {(v, w): [] for v in VERSIONS for w in WORKLOADS}
    for _ in range(BUILDS):
        for name in WORKLOADS:
            for version in VERSIONS:
                directory = project(version, name)
                seconds, warnings = build(directory)
                root = ET.parse(os.path.join(directory, "target", "site", "speedup", "speedup.xml")).getroot()
                workload = next(root.iter("workload"))
                spent = workload.find("time")
                verdict = workload.find("diagnosis").get("verdict")
                unreached = sum(1 for r in workload.iter("result")
                                if (r.get("reason") or "").startswith("not measured"))
                figures[(version, name)].append((seconds, float(spent.get("spentSeconds")) if spent is not None
                                                 else float("nan"), verdict == WORKLOADS[name][1],
                                                 *deciding_precision(workload), len(warnings), unreached))
                shutil.rmtree(directory, ignore_errors=True)
    for (version, name), runs in figures.items():
        rows.append((name, version, "%.1f s" % statistics.median(r[0] for r in runs),
                     "%.1f s" % statistics.median(r[1] for r in runs),
                     "%d of %d" % (sum(r[2] for r in runs), len(runs)),
                     "%d of %d" % (sum(r[3] <= 0.03 for r in runs), len(runs)),
                     "%.1f%% (%s)" % (100 * max(r[3] for r in runs), max(runs, key=lambda r: r[3])[4]),
                     "%d" % max(r[6] for r in runs),
                     "%d" % max(r[5] for r in runs)))
    table("Time to an answer: %d builds per version and workload, taking turns" % BUILDS,
          ("workload", "version", "median build", "median workload time", "lesson read",
           "deciding to ±3%", "widest deciding", "most not measured", "most WARNINGs"), rows)


if __name__ == "__main__":
    main()
