"""compareWith against the history gate, for the same 10% slowdown on the same builds.

A small library, bench.speedup.compare:compare-lib, is released as 1.0 (installed into the local
repository: throwaway coordinates of its own). Then a 1.1-SNAPSHOT whose one method is unchanged
and one whose method does 10% more work (a loop of 1.1 N instead of N iterations) are built in
turns, BUILDS of each, every build `mvn verify` with `<compareWith>1.0</compareWith>` and the
project's own workload (src/test/java, calling the library) in sequential and threads x2.
Every build also keeps a history (historyDirectory, testbed bench): WARM unchanged builds first
form it, then each unchanged build is added to it (as in a CI job) and each slower build is
checked against a copy of it (so that it never becomes the unchanged builds' baseline). So both
gates judge the same builds: compareWith from the pairs measured side by side in the build, the
history gate from the earlier builds.

Counted per build: regressed (compareWith) or failed (history) in an unchanged build is a false
alarm, in a slower build a detection; inconclusive and not compared are counted apart.

Long: 45 builds of about 10-20 s on 2 cores. It runs in chunks: each call does builds for at
most CHUNK_MINUTES (default 12), keeps its state in STATE (default /tmp/speedup-bench-compare; a
new STATE starts afresh), and prints the tables once every build is done; call it again until it
does, e.g. each call under a machine-wide lock:
    flock /tmp/speedup-bench.lock python3 bench/compare_release.py
Extra Maven arguments go in MVN_ARGS: to use a plugin built but not installed into ~/.m2, copy its
jar and pom.xml into another local repository and let it read ~/.m2 as a remote one (it/settings.xml
with @localRepositoryUrl@ as file:///root/.m2/repository):
    MVN_ARGS="-s /tmp/settings.xml -Dmaven.repo.local=/tmp/bench-repo" python3 bench/compare_release.py"""
import json
import os
import shlex
import shutil
import time

from common import machine, mvn, table
from release_library import judged, library, status

BUILDS = int(os.environ.get("BUILDS", "20"))
WARM = int(os.environ.get("WARM", "5"))
MAX_TIME = int(os.environ.get("MAX_TIME", "5"))
# The threshold both gates judge by (compareWithMaxRegression and the history's maxRegression): a 10%
# slowdown is meant to fail, so the limit lies below it.
MAX_REGRESSION = float(os.environ.get("MAX_REGRESSION", "5"))
ROUNDS = int(os.environ.get("ROUNDS", "20000000"))
CHUNK = float(os.environ.get("CHUNK_MINUTES", "12")) * 60
STATE = os.environ.get("STATE", "/tmp/speedup-bench-compare")
EXTRA = shlex.split(os.environ.get("MVN_ARGS", ""))
def load():
    path = os.path.join(STATE, "state.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "warm": 0, "builds": []}


def save(state):
    with open(os.path.join(STATE, "state.json"), "w") as f:
        json.dump(state, f, indent=1)


def build(directory, *args):
    return mvn(directory, *EXTRA, *args)


os.makedirs(STATE, exist_ok=True)
state = load()
history = os.path.join(STATE, "history")
compare = "          <compareWith>1.0</compareWith>"
thresholds = ("          <maxRegression>%g</maxRegression>\n"
              "          <compareWithMaxRegression>%g</compareWithMaxRegression>\n" % (MAX_REGRESSION, MAX_REGRESSION))
release = library(os.path.join(STATE, "release-1.0"), "1.0", 0, "", MAX_TIME, ROUNDS, thresholds)
unchanged = library(os.path.join(STATE, "unchanged"), "1.1-SNAPSHOT", 0, compare, MAX_TIME, ROUNDS, thresholds)
slower = library(os.path.join(STATE, "slower"), "1.1-SNAPSHOT", 10, compare, MAX_TIME, ROUNDS, thresholds)
started = time.monotonic()
if not state.get("released"):
    build(release, "install", "-Dspeedup.skip=true")
    state["released"] = True
    save(state)
while state["warm"] < WARM and time.monotonic() - started < CHUNK:
    build(unchanged, "-Dspeedup.historyDirectory=" + history)
    state["warm"] += 1
    save(state)
while len(state["builds"]) < 2 * BUILDS and time.monotonic() - started < CHUNK:
    number = len(state["builds"]) // 2 + 1
    if len(state["builds"]) % 2 == 0:
        seconds = build(unchanged, "-Dspeedup.historyDirectory=" + history)
        state["builds"].append({"version": "unchanged", "build": number, "seconds": seconds,
                                "results": judged(unchanged)})
    else:
        copy = os.path.join(STATE, "history-copy")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(history, copy)
        seconds = build(slower, "-Dspeedup.historyDirectory=" + copy)
        state["builds"].append({"version": "10% slower", "build": number, "seconds": seconds,
                                "results": judged(slower)})
    save(state)
    print("build %d of %d: %s in %.0f s: %s" % (len(state["builds"]), 2 * BUILDS, state["builds"][-1]["version"],
          seconds, ", ".join("%s %s/%s %.3f" % (r["result"], r["compare"], r["history"], r["ratio"])
                             for r in state["builds"][-1]["results"])), flush=True)
if len(state["builds"]) < 2 * BUILDS:
    print("%d of %d builds done; run again to go on" % (len(state["builds"]), 2 * BUILDS))
    raise SystemExit(0)


def percent(value):
    return "%+.1f%%" % (100 * (value - 1))


rows = [[b["version"], b["build"], r["result"], r["pairs"],
         "%s [%s, %s]" % (percent(r["ratio"]), percent(r["low"]), percent(r["high"])), r["compare"], r["history"]]
        for b in state["builds"] for r in b["results"]]
table("Every build (%s; %s)" % (state["date"], state["machine"]),
      ["version", "#", "result", "pairs", "new / old, 95% interval", "compareWith", "history"], rows)


def count(version, gate, statuses):
    """Builds of this version in which some result of the gate has one of the statuses."""
    return sum(1 for b in state["builds"] if b["version"] == version
               and any(r[gate] in statuses for r in b["results"]))


def rejudged(r, max_regression):
    """compareWith's status of a result at another threshold; as it was where no interval decided it."""
    if r["compare"] in ("not-compared", "none") or r["low"] != r["low"]:
        return r["compare"]
    if r["compare"] == "inconclusive" and status(r["low"], r["high"], MAX_REGRESSION) != "inconclusive":
        return "inconclusive"  # a busy machine: not to be judged at any threshold
    return status(r["low"], r["high"], max_regression)


for b in state["builds"]:
    for r in b["results"]:
        r["compare10"] = rejudged(r, 10)
rows = []
for gate, regressed in (("compare", ("regressed",)), ("compare10", ("regressed",)), ("history", ("fail",))):
    rows.append([{"compare": "compareWith 1.0, compareWithMaxRegression %g%%" % MAX_REGRESSION,
                 "compare10": "compareWith 1.0, the same intervals judged at compareWithMaxRegression 10%",
                 "history": "history, maxRegression %g%% (%d earlier builds to start)" % (MAX_REGRESSION, WARM)}[gate],
                 "%d of %d" % (count("unchanged", gate, regressed), BUILDS),
                 "%d of %d" % (count("10% slower", gate, regressed), BUILDS),
                 "%d / %d" % (count("unchanged", gate, ("inconclusive",)), count("10% slower", gate, ("inconclusive",))),
                 "%d / %d" % (count("unchanged", gate, ("not-compared", "none")),
                              count("10% slower", gate, ("not-compared", "none")))])
table("%d unchanged and %d 10%%-slower builds of 1.1-SNAPSHOT, taking turns, sequential and threads x2, "
      "maxTimeInSeconds %d" % (BUILDS, BUILDS, MAX_TIME),
      ["gate", "false alarms (unchanged builds regressed)", "slowdowns detected",
       "inconclusive (unchanged / slower)", "not compared (unchanged / slower)"], rows)
rows = []
for version in ("unchanged", "10% slower"):
    for label in sorted({r["result"] for b in state["builds"] for r in b["results"]}):
        judged_here = [r for b in state["builds"] if b["version"] == version for r in b["results"]
                       if r["result"] == label]
        statuses = [r["compare"] for r in judged_here]
        rows.append([version, label, " ".join("%s %d" % (s, statuses.count(s)) for s in
                                             ("regressed", "unchanged", "improved", "inconclusive", "not-compared")
                                             if statuses.count(s)),
                     " ".join("%s %d" % (s, [r["compare10"] for r in judged_here].count(s)) for s in
                              ("regressed", "unchanged", "improved", "inconclusive", "not-compared")
                              if [r["compare10"] for r in judged_here].count(s)),
                     "%.3f" % sorted(r["ratio"] for r in judged_here)[len(judged_here) // 2],
                     "±%.1f%%" % (100 * sorted((r["high"] - r["low"]) / 2 for r in judged_here)[len(judged_here) // 2]),
                     sorted(r["pairs"] for r in judged_here)[len(judged_here) // 2]])
table("compareWith per result", ["builds", "result", "compareWithMaxRegression %g%%" % MAX_REGRESSION, "at 10%",
                                 "median new / old", "median half-width", "median pairs"], rows)
rows = []
for threshold in (2, 3, 4, 5, 6, 7, 8, 10):
    def builds(version, wanted):
        return sum(1 for b in state["builds"] if b["version"] == version
                   and any(rejudged(r, threshold) == wanted for r in b["results"]))
    rows.append(["%d%%" % threshold, "%d of %d" % (builds("unchanged", "regressed"), BUILDS),
                 "%d of %d" % (builds("10% slower", "regressed"), BUILDS),
                 "%d / %d" % (builds("unchanged", "inconclusive"), builds("10% slower", "inconclusive"))])
table("compareWith's intervals judged again at other thresholds",
      ["compareWithMaxRegression", "false alarms", "detected", "inconclusive (unchanged / slower)"], rows)
for version in ("unchanged", "10% slower"):
    ratios = sorted(r["ratio"] for b in state["builds"] if b["version"] == version for r in b["results"])
    widths = sorted((r["high"] - r["low"]) / 2 for b in state["builds"] if b["version"] == version
                    for r in b["results"])
    print("%s: new / old from %.3f to %.3f, median %.3f; interval half-width median %.1f%%, widest %.1f%%; "
          "median build %.0f s" % (version, ratios[0], ratios[-1], ratios[len(ratios) // 2],
                                   100 * widths[len(widths) // 2], 100 * widths[-1],
                                   sorted(b["seconds"] for b in state["builds"]
                                          if b["version"] == version)[BUILDS // 2]))
