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
and named with EARLIER=0.0.2-release (the default)."""
import os
import random
import statistics
import tempfile

from common import POM, VERSION, mvn, report, table

EARLIER = os.environ.get("EARLIER", "0.0.2-release")
BUILDS = int(os.environ.get("BUILDS", "5"))
LESSONS = {"sleep": "io-bound", "cpu": "cpu-bound", "contended": "lock-bound", "alloc": "memory-bound"}


def project(version):
    directory = tempfile.mkdtemp(prefix="speedup-bench-suite-" + version + "-")
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(POM.format(artifact="suite", version=version, configuration=""))
    return directory


def measured(root):
    for w in root.iter("workload"):
        for r in w.iter("result"):
            if r.get("skipped") != "true":
                yield w, r


def summary(root):
    flagged = sum(1 for _, r in measured(root)
                  if r.get("shortOfTarget") == "true" or r.get("unstable") == "true"
                  or r.get("contaminated") == "true")
    # Earlier releases have no speedup interval on sequential and may not write `precision` for a mode's
    # speedup: the half-width over the speedup is recomputed here from the interval both write.
    def precision(r):
        return (float(r.get("speedupCiHigh")) - float(r.get("speedupCiLow"))) / 2 / float(r.get("speedup"))
    lessons_known = all(precision(r) <= 0.03 and r.get("unstable") != "true"
                        for w, r in measured(root)
                        if w.get("kind") in ("sleep", "cpu", "contended") and r.get("mode") != "sequential")
    readings = {w.get("kind"): w.find("diagnosis").get("verdict") for w in root.iter("workload")}
    return flagged, sum(1 for _ in measured(root)), lessons_known, readings


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


earlier_dir, now_dir = project(EARLIER), project(VERSION)
mvn(now_dir)  # warms Maven's own caches
times = {EARLIER: [], VERSION: []}
summaries = {EARLIER: [], VERSION: []}
for _ in range(BUILDS):
    for version, directory in ((EARLIER, earlier_dir), (VERSION, now_dir)):
        times[version].append(mvn(directory))
        summaries[version].append(summary(report(directory)))

rows = []
for version in (EARLIER, VERSION):
    s = summaries[version]
    readings = {}
    for _, _, _, r in s:
        for kind, verdict in r.items():
            readings.setdefault(kind, []).append(verdict)
    rows.append([version, "%.1f" % statistics.median(times[version]),
                 "%.1f-%.1f" % (min(times[version]), max(times[version])),
                 " ".join("%d/%d" % (f, n) for f, n, _, _ in s),
                 "%d of %d" % (sum(1 for _, _, known, _ in s if known), len(s)),
                 "; ".join("%s %d/%d" % (kind, sum(1 for v in verdicts if v == LESSONS.get(kind)), len(verdicts))
                           for kind, verdicts in readings.items())])
table("Default suite, mvn verify of a POM with only the plugin, %d builds each, taking turns" % BUILDS,
      ["version", "median s", "range s", "flagged / results per build",
       "builds with sleep, cpu, contended to ±3%, none unstable", "builds reading the lesson"], rows)

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
