"""What the breakdown costs (issue 31, item 6): the default suite with the breakdown on (the default)
and off (`-Dspeedup.breakdown=false`), side by side: `mvn verify` of a POM with only the plugin,
BUILDS builds of each taking turns (so both see the same machine). Per side: the median build time
and the median time the suite's workloads took (the sum of speedup.xml's workload/time), and their
ratio on to off. Then, per pair of builds (on, off) and result: whether each side's speedup lies
within the other's 95% interval, the test the issue sets ("every speedup stays within the other's
interval"), counted over every result both measured.

The diagnostic iterations count against each workload's budget (runner/WorkloadClock), so the cost
shows as less time for sampling (wider intervals) more than as a longer build.

Measures, so each build takes the machine lock unless SPEEDUP_LOCK_HELD=1 says the caller holds it:
    BUILDS=5 python3 bench/breakdown_cost.py"""
import os
import statistics
import subprocess
import tempfile
import time

from common import POM, VERSION, report, table

BUILDS = int(os.environ.get("BUILDS", "5"))
LOCK = [] if os.environ.get("SPEEDUP_LOCK_HELD") == "1" else ["flock", "/tmp/speedup-measure.lock"]
SIDES = {"on": [], "off": ["-Dspeedup.breakdown=false"]}


def project(side):
    directory = tempfile.mkdtemp(prefix="speedup-bench-breakdown-%s-" % side)
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(POM.format(artifact="suite", version=VERSION, configuration=""))
    return directory


def build(directory, args):
    start = time.monotonic()
    subprocess.run(LOCK + ["mvn", "-B", "-q", "verify", *args], cwd=directory, check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def speedups(root):
    """(workload, mode, workers) -> (speedup, low, high) of every measured result but sequential."""
    found = {}
    for w in root.iter("workload"):
        for r in w.iter("result"):
            if r.get("skipped") == "true" or r.get("mode") == "sequential" or r.get("speedupCiLow") is None:
                continue
            found[(w.get("name"), r.get("mode"), r.get("workers"))] = tuple(
                float(r.get(a)) for a in ("speedup", "speedupCiLow", "speedupCiHigh"))
    return found


def recorded(root):
    """How many results carry a recorded breakdown (not an unavailable one)."""
    return sum(1 for b in root.iter("breakdown") if b.get("unavailable") is None)


def suite_seconds(root):
    return sum(float(t.get("spentSeconds")) for t in root.iter("time") if t.get("spentSeconds"))


def main():
    directories = {side: project(side) for side in SIDES}
    build(directories["on"], [])  # warms Maven's own caches
    figures = {side: [] for side in SIDES}
    agree, compared, disagreements = 0, 0, []
    for number in range(1, BUILDS + 1):
        roots = {}
        for side, args in SIDES.items():
            seconds = build(directories[side], args)
            roots[side] = report(directories[side])
            figures[side].append((seconds, suite_seconds(roots[side]), recorded(roots[side])))
        on, off = speedups(roots["on"]), speedups(roots["off"])
        for key in sorted(on.keys() & off.keys()):
            (a, a_low, a_high), (b, b_low, b_high) = on[key], off[key]
            compared += 1
            if a_low <= b <= a_high and b_low <= a <= b_high:
                agree += 1
            else:
                disagreements.append([number, "%s %s x%s" % key, "%.2f [%.2f, %.2f]" % on[key],
                                      "%.2f [%.2f, %.2f]" % off[key]])
    rows = []
    for side in SIDES:
        runs = figures[side]
        rows.append([side, "%.1f s" % statistics.median(r[0] for r in runs),
                     "%.1f s" % statistics.median(r[1] for r in runs),
                     "%d-%d" % (min(r[2] for r in runs), max(r[2] for r in runs))])
    build_ratio = statistics.median(r[0] for r in figures["on"]) / statistics.median(r[0] for r in figures["off"])
    suite_ratio = statistics.median(r[1] for r in figures["on"]) / statistics.median(r[1] for r in figures["off"])
    table("The default suite with the breakdown on and off, %d builds each, taking turns" % BUILDS,
          ["breakdown", "median build", "median suite (workloads' time)", "results with a recorded breakdown"],
          rows)
    print("\nOn over off: build %.3f, suite %.3f. Speedups within each other's 95%% interval: %d of %d."
          % (build_ratio, suite_ratio, agree, compared))
    if disagreements:
        table("Speedups outside each other's interval", ["pair", "result", "on", "off"], disagreements)


if __name__ == "__main__":
    main()
