"""What the breakdown costs (issue 31, item 6): the default suite with the breakdown on (the default)
and off (`-Dspeedup.breakdown=false`), side by side: `mvn verify` of a POM with only the plugin,
BUILDS builds of each taking turns (so both see the same machine). Per side: the median build time
and the median time the suite's workloads took (the sum of speedup.xml's workload/time), and their
ratio on to off, the WARNING lines of each build (a quiet machine's default build prints none,
issue 27) and the builds whose four workloads read their lessons (I/O-, CPU-, lock-, memory-bound). Then, per pair of builds (on, off) and result: whether each side's speedup lies
within the other's 95% interval, the test the issue sets ("every speedup stays within the other's
interval"), counted over every result both measured; and the same between the two "off" sides, the
control that shows how often two builds that differ in nothing miss each other's interval.

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
# "off again" is the control: two sides that differ in nothing show how often speedups of two builds
# miss each other's interval anyway (the machine's speed moves between builds).
SIDES = {"on": [], "off": ["-Dspeedup.breakdown=false"], "off again": ["-Dspeedup.breakdown=false"]}


def project(side):
    directory = tempfile.mkdtemp(prefix="speedup-bench-breakdown-%s-" % side)
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(POM.format(artifact="suite", version=VERSION, configuration=""))
    return directory


def build(directory, args):
    """(seconds, WARNING lines) of one build."""
    start = time.monotonic()
    done = subprocess.run(LOCK + ["mvn", "-B", "-q", "verify", *args], cwd=directory, check=True,
                          stdout=subprocess.PIPE, text=True)
    return time.monotonic() - start, sum(1 for line in done.stdout.splitlines() if line.startswith("[WARNING]"))


def agreement(first, second, number, misses):
    """How many results both measured, and how many of them lie within each other's interval."""
    agree, compared = 0, 0
    for key in sorted(first.keys() & second.keys()):
        (a, a_low, a_high), (b, b_low, b_high) = first[key], second[key]
        compared += 1
        if a_low <= b <= a_high and b_low <= a <= b_high:
            agree += 1
        else:
            misses.append([number, "%s %s x%s" % key, "%.2f [%.2f, %.2f]" % first[key],
                           "%.2f [%.2f, %.2f]" % second[key]])
    return agree, compared


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


LESSONS = {"sleep": "io-bound", "cpu": "cpu-bound", "contended": "lock-bound", "alloc": "memory-bound"}


def lessons(root):
    """Whether every workload of the default suite read its lesson."""
    read = {w.get("name"): w.find("diagnosis").get("verdict") for w in root.iter("workload")
            if w.find("diagnosis") is not None}
    return all(read.get(name) == verdict for name, verdict in LESSONS.items())


def suite_seconds(root):
    return sum(float(t.get("spentSeconds")) for t in root.iter("time") if t.get("spentSeconds"))


def main():
    directories = {side: project(side) for side in SIDES}
    build(directories["on"], [])  # warms Maven's own caches
    figures = {side: [] for side in SIDES}
    totals = {"on/off": [0, 0, []], "off/off again": [0, 0, []]}
    for number in range(1, BUILDS + 1):
        roots = {}
        for side, args in SIDES.items():
            seconds, warnings = build(directories[side], args)
            roots[side] = report(directories[side])
            figures[side].append((seconds, suite_seconds(roots[side]), recorded(roots[side]), warnings,
                                  lessons(roots[side])))
        for name, (first, second) in {"on/off": ("on", "off"), "off/off again": ("off", "off again")}.items():
            agree, compared = agreement(speedups(roots[first]), speedups(roots[second]), number, totals[name][2])
            totals[name][0] += agree
            totals[name][1] += compared
    rows = []
    for side in SIDES:
        runs = figures[side]
        rows.append([side, "%.1f s" % statistics.median(r[0] for r in runs),
                     "%.1f s" % statistics.median(r[1] for r in runs),
                     "%d-%d" % (min(r[2] for r in runs), max(r[2] for r in runs)),
                     " ".join(str(r[3]) for r in runs), "%d of %d" % (sum(r[4] for r in runs), len(runs))])
    table("Each build: wall time / the suite's workloads' time, in seconds", ["build"] + list(SIDES),
          [[number + 1] + ["%.1f / %.1f" % figures[side][number][:2] for side in SIDES] for number in range(BUILDS)])
    # Both "off" sides are the same configuration: their builds together are the baseline.
    off = figures["off"] + figures["off again"]
    build_ratio = statistics.median(r[0] for r in figures["on"]) / statistics.median(r[0] for r in off)
    suite_ratio = statistics.median(r[1] for r in figures["on"]) / statistics.median(r[1] for r in off)
    control = statistics.median(r[1] for r in figures["off again"]) / statistics.median(r[1] for r in figures["off"])
    table("The default suite with the breakdown on and off, %d builds each, taking turns" % BUILDS,
          ["breakdown", "median build", "median suite (workloads' time)", "results with a recorded breakdown",
           "WARNING lines per build", "builds that read all four lessons"],
          rows)
    print("\nOn over both off sides' builds: build %.3f, suite %.3f (the control, off again over off: suite %.3f)."
          % (build_ratio, suite_ratio, control))
    for name, (agree, compared, misses) in totals.items():
        print("%s: speedups within each other's 95%% interval: %d of %d." % (name, agree, compared))
        if misses:
            table("%s: speedups outside each other's interval" % name, ["pair", "result", "first", "second"],
                  misses)


if __name__ == "__main__":
    main()
