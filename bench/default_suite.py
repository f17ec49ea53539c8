"""The default suite against the release before it, side by side: `mvn verify` of a POM with only
the plugin, five builds of each taking turns (so both see the same machine), on whatever cores
this machine has. Per version: the median build time, how many results were flagged, how many
builds had every speedup of sleep, cpu and contended known to the target precision with none
unstable, and the readings. Then, from the last build of this version, each result's 95%
interval from its pairs (what the report shows) against the interval the same samples give when
the two sides are resampled independently (what earlier releases did).

The earlier release must be installed under its own version first, e.g. from a clone at its commit:
    sed -i '0,/<version>0.1.0-SNAPSHOT</s//<version>0.0.2-release</' pom.xml
    mvn -B -q install -DskipTests -Dinvoker.skip
and named with EARLIER=0.0.2-release (the default); EARLIER= (empty) measures this version alone.
With an earlier version both measure the same work: this version's default suite, as its first
(warm-up) build records it, written out as a configuration (workloads, their modes, workers and
budgets, the suite's heap), so that the figures compare the methods, not two suites.
Extra Maven arguments go in MVN_ARGS, e.g. to use a plugin built but not installed into ~/.m2 (see
bench/compare_release.py): MVN_ARGS="-s /tmp/settings.xml -Dmaven.repo.local=/tmp/bench-repo".

Besides the figures above, per version: in how many builds `alloc` had no result flagged (unstable,
short of target, on a busy machine, slowed by the host) and all four workloads read their lesson,
and how busy the machine was while the suite measured (other processes' CPU over the samples' wall
time, in cores, the mean and the busiest build, and the results taken again), and the [WARNING]
lines of each build's log (Maven runs without -q for it; the logs stay in the projects' folders, as
build-N.log)."""
import os
import random
import shlex
import statistics
import subprocess
import tempfile
import time

from common import POM, VERSION, report, table, written_out

EARLIER = os.environ.get("EARLIER", "0.0.2-release")
BUILDS = int(os.environ.get("BUILDS", "5"))
EXTRA = shlex.split(os.environ.get("MVN_ARGS", ""))
VERSIONS = [v for v in (EARLIER, VERSION) if v]
LESSONS = {"sleep": "io-bound", "cpu": "cpu-bound", "contended": "lock-bound", "alloc": "memory-bound"}


def project(version, configuration=""):
    directory = tempfile.mkdtemp(prefix="speedup-bench-suite-" + version + "-")
    write_pom(directory, version, configuration)
    return directory


def write_pom(directory, version, configuration):
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(POM.format(artifact="suite", version=version, configuration=configuration))


def build(directory, number):
    """`mvn -B verify` there, its log kept as build-N.log: the wall time in seconds and the WARNING lines."""
    log = os.path.join(directory, "build-%d.log" % number)
    start = time.monotonic()
    with open(log, "w") as out:
        subprocess.run(["mvn", "-B", "verify", *EXTRA], cwd=directory, check=True, stdout=out,
                       stderr=subprocess.STDOUT)
    seconds = time.monotonic() - start
    with open(log) as lines:
        return seconds, [line.rstrip() for line in lines if line.startswith("[WARNING]")]


def measured(root):
    for w in root.iter("workload"):
        for r in w.iter("result"):
            if r.get("skipped") != "true":
                yield w, r


def is_flagged(r):
    return (r.get("shortOfTarget") == "true" or r.get("unstable") == "true" or r.get("contaminated") == "true"
            or r.get("slowedReason") is not None)


def busy(root):
    """Other processes' CPU over the samples' wall time, in cores (0 where no probe ran), and the retakes."""
    samples = [s for _, r in measured(root) for s in r.findall("sample")]
    foreign = sum(float(s.get("foreignCpuMs", "0")) for s in samples)
    wall = sum(float(s.get("wallMs")) for s in samples)
    return foreign / wall, sum(int(r.get("retries", "0")) for _, r in measured(root))


def summary(root):
    flagged = sum(1 for _, r in measured(root) if is_flagged(r))
    # Earlier releases have no speedup interval on sequential and may not write `precision` for a mode's
    # speedup: the half-width over the speedup is recomputed here from the interval both write.
    def precision(r):
        return (float(r.get("speedupCiHigh")) - float(r.get("speedupCiLow"))) / 2 / float(r.get("speedup"))
    lessons_known = all(precision(r) <= 0.03 and r.get("unstable") != "true"
                        for w, r in measured(root)
                        if w.get("kind") in ("sleep", "cpu", "contended") and r.get("mode") != "sequential")
    readings = {w.get("kind"): w.find("diagnosis").get("verdict") for w in root.iter("workload")}
    alloc_clean = not any(is_flagged(r) for w, r in measured(root) if w.get("kind") == "alloc")
    all_lessons = all(readings.get(kind) == lesson for kind, lesson in LESSONS.items())
    return flagged, sum(1 for _ in measured(root)), lessons_known, readings, alloc_clean and all_lessons, busy(root)


def unpaired_precision(sequential, mode, resamples=2000, seed=42):
    """Half-width of the 95% percentile interval of median(sequential) / median(mode), each side resampled
    on its own, over the median ratio."""
    rng = random.Random(seed)
    ratios = sorted(statistics.median(rng.choices(sequential, k=len(sequential)))
                    / statistics.median(rng.choices(mode, k=len(mode))) for _ in range(resamples))
    low, high = ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]
    return (high - low) / 2 / (statistics.median(sequential) / statistics.median(mode))


def walls(result):
    return [float(s.get("wallMs")) for s in result.findall("sample")]


def alloc_detail(build, root):
    """One row per alloc result of a build: its speedup, precision and flags, and the reading."""
    for w, r in measured(root):
        if w.get("kind") == "alloc":
            flags = [f for f, on in (("unstable", r.get("unstable") == "true"),
                                     ("short", r.get("shortOfTarget") == "true"),
                                     ("busy", r.get("contaminated") == "true"),
                                     ("slowed", r.get("slowedReason") is not None)) if on]
            yield [build, "%s x%s" % (r.get("mode"), r.get("workers")), len(r.findall("sample")),
                   r.get("speedup", "-")[:5], "±%.1f%%" % (100 * float(r.get("precision", "nan"))),
                   " ".join(flags) or "-", w.find("diagnosis").get("verdict")]


alloc_rows = []
directories = {version: project(version) for version in VERSIONS}
now_dir = directories[VERSION]
build(now_dir, 0)  # warms Maven's own caches
if EARLIER:
    # Like for like: both versions measure this version's suite, written out, not each its own suite.
    suite = written_out(report(now_dir))
    for version, directory in directories.items():
        write_pom(directory, version, suite)
    print("Both versions measure this version's default suite, written out as a configuration:\n" + suite)
times = {version: [] for version in VERSIONS}
summaries = {version: [] for version in VERSIONS}
warnings = {version: [] for version in VERSIONS}
for number in range(1, BUILDS + 1):
    for version in VERSIONS:
        seconds, warned = build(directories[version], number)
        times[version].append(seconds)
        warnings[version].append(warned)
        summaries[version].append(summary(report(directories[version])))
        if version == VERSION:
            alloc_rows.extend(alloc_detail(len(times[version]), report(directories[version])))

rows = []
for version in VERSIONS:
    s = summaries[version]
    readings = {}
    for _, _, _, r, _, _ in s:
        for kind, verdict in r.items():
            readings.setdefault(kind, []).append(verdict)
    rows.append([version, "%.1f" % statistics.median(times[version]),
                 "%.1f-%.1f" % (min(times[version]), max(times[version])),
                 " ".join("%d/%d" % (f, n) for f, n, _, _, _, _ in s),
                 "%d of %d" % (sum(1 for _, _, known, _, _, _ in s if known), len(s)),
                 "; ".join("%s %d/%d" % (kind, sum(1 for v in verdicts if v == LESSONS.get(kind)), len(verdicts))
                           for kind, verdicts in readings.items()),
                 "%d of %d" % (sum(1 for _, _, _, _, clean, _ in s if clean), len(s)),
                 " ".join(str(len(w)) for w in warnings[version]),
                 "%d of %d" % (sum(1 for (f, _, _, r, _, _), w in zip(s, warnings[version])
                                   if f == 0 and not w and all(r.get(k) == v for k, v in LESSONS.items())), len(s)),
                 "%.2f (%.2f)" % (statistics.mean(b[0] for *_, b in s), max(b[0] for *_, b in s)),
                 " ".join(str(b[1]) for *_, b in s)])
table(("This version's default suite written out as a configuration, the same for both versions"
       if EARLIER else "Default suite, mvn verify of a POM with only the plugin")
      + ", %d builds each, taking turns" % BUILDS,
      ["version", "median s", "range s", "flagged / results per build",
       "builds with sleep, cpu, contended to ±3%, none unstable", "builds reading the lesson",
       "builds with alloc unflagged and all four lessons", "WARNING lines per build",
       "builds with all four lessons, no result flagged and no WARNING",
       "other work, cores: mean (busiest build)",
       "retakes per build"], rows)

rows = []
root = report(now_dir)
for w in root.iter("workload"):
    sequential = next(r for r in w.iter("result") if r.get("mode") == "sequential")
    for r in w.iter("result"):
        if r.get("skipped") == "true" or r.get("mode") == "sequential":
            continue
        paired = (float(r.get("speedupCiHigh")) - float(r.get("speedupCiLow"))) / 2 / float(r.get("speedup"))
        unpaired = unpaired_precision(walls(sequential), walls(r))
        rows.append([w.get("name"), "%s x%s" % (r.get("mode"), r.get("workers")), len(walls(r)),
                     "±%.1f%%" % (100 * paired), "±%.1f%%" % (100 * unpaired), "%.1f" % (unpaired / paired)])
table("The last build of %s: each speedup's 95%% interval from its pairs, and from the same samples "
      "resampled as independent sides" % VERSION,
      ["workload", "result", "samples", "paired", "unpaired", "unpaired / paired"], rows)
for version in VERSIONS:
    for number, warned in enumerate(warnings[version], 1):
        for line in warned:
            print("%s build %d: %s" % (version, number, line))
table("alloc in each build of %s" % VERSION, ["build", "result", "samples", "speedup", "precision", "flags",
                                               "reading"], alloc_rows)
