"""Catch 5% (issue 28, item 5): compareWith at the plugin's defaults against a release, on unchanged
code and on code 5% and 10% slower in its hot path, and how much longer a build takes with it.

The library of bench/release_library.py is released as 1.0 (installed into the local repository:
throwaway coordinates of its own); then four builds of its 1.1-SNAPSHOT take turns, BUILDS times:
unchanged, 5% slower and 10% slower (a loop of 1.05 N or 1.1 N instead of N xorshift rounds in its
one method), each with `<compareWith>1.0</compareWith>`, and unchanged without compareWith (the
build time to compare with). Each build is `mvn verify` of the project's own workload (4 tasks each
calling the method, about 33 ms a task) in sequential and threads x2, with every other parameter at
the plugin's default (compareWithMaxRegression, significance, confirmFailures, targetPrecision,
maxTimeInSeconds), haltOnFailure false so that every build is read to the end.

Counted per build: the gate's compareWith verdict (a failed check: a false alarm in an unchanged
build, a detection in a slower one), builds with an inconclusive comparison, the paired ratios and
their intervals, and the build's wall time against the build without compareWith of the same turn.

Long: 4 x BUILDS builds of about 15-30 s. It runs in chunks: each call does builds for at most
CHUNK_MINUTES (default 12) and keeps its state in STATE (default /tmp/speedup-bench-catch; a new
STATE starts afresh); call it again until it prints the tables, each call under the machine lock:
    flock /tmp/speedup-measure.lock python3 bench/catch_slowdown.py"""
import json
import os
import shlex
import statistics
import time

from common import machine, mvn, table
from release_library import judged, library

BUILDS = int(os.environ.get("BUILDS", "20"))
ROUNDS = int(os.environ.get("ROUNDS", "20000000"))
CHUNK = float(os.environ.get("CHUNK_MINUTES", "12")) * 60
STATE = os.environ.get("STATE", "/tmp/speedup-bench-catch")
EXTRA = shlex.split(os.environ.get("MVN_ARGS", ""))
COMPARE = "          <compareWith>1.0</compareWith>\n"
# Per turn, in this order: (name, percent slower than 1.0, with compareWith); ONLY (names, comma-separated)
# keeps some of them, e.g. ONLY="5% slower" to measure the slowdown on the limit again.
KINDS = tuple(k for k in (("unchanged", 0, True), ("5% slower", 5, True), ("10% slower", 10, True),
                          ("alone", 0, False))
              if k[0] in os.environ.get("ONLY", "unchanged,5% slower,10% slower,alone").split(","))


def load():
    path = os.path.join(STATE, "state.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "builds": []}


def save(state):
    with open(os.path.join(STATE, "state.json"), "w") as f:
        json.dump(state, f, indent=1)


os.makedirs(STATE, exist_ok=True)
state = load()
release = library(os.path.join(STATE, "release-1.0"), "1.0", 0, "", None, ROUNDS)
projects = {name: library(os.path.join(STATE, name.replace("% ", "-")), "1.1-SNAPSHOT", percent,
                          COMPARE if compared else "", None, ROUNDS)
            for name, percent, compared in KINDS}
started = time.monotonic()
if not state.get("released"):
    mvn(release, *EXTRA, "install", "-Dspeedup.skip=true")
    state["released"] = True
    save(state)
while len(state["builds"]) < len(KINDS) * BUILDS and time.monotonic() - started < CHUNK:
    name = KINDS[len(state["builds"]) % len(KINDS)][0]
    seconds = mvn(projects[name], *EXTRA)
    state["builds"].append({"kind": name, "turn": len(state["builds"]) // len(KINDS) + 1, "seconds": seconds,
                            "results": judged(projects[name])})
    save(state)
    print("build %d of %d: %s in %.0f s: %s" % (len(state["builds"]), len(KINDS) * BUILDS, name, seconds,
          ", ".join("%s %s/%s %.3f" % (r["result"], r["compare"], r["gate"], r["ratio"])
                    for r in state["builds"][-1]["results"])), flush=True)
if len(state["builds"]) < len(KINDS) * BUILDS:
    print("%d of %d builds done; run again to go on" % (len(state["builds"]), len(KINDS) * BUILDS))
    raise SystemExit(0)


def of(kind):
    return [b for b in state["builds"] if b["kind"] == kind]


def percent(value):
    return "%+.1f%%" % (100 * (value - 1))


def builds_with(kind, status):
    return sum(1 for b in of(kind) if any(r["gate"] == status for r in b["results"]))


alone = {b["turn"]: b["seconds"] for b in of("alone")}
COMPARED = [k for k in KINDS if k[2]]
rows = []
for kind, _, compared in COMPARED:
    ratios = [b["seconds"] / alone[b["turn"]] for b in of(kind) if b["turn"] in alone] or [float("nan")]
    rows.append([kind, "%d of %d" % (builds_with(kind, "fail"), BUILDS),
                 "%d of %d" % (builds_with(kind, "inconclusive"), BUILDS),
                 "%.0f s" % statistics.median(b["seconds"] for b in of(kind)),
                 "%.2f (%.2f-%.2f)" % (statistics.median(ratios), min(ratios), max(ratios))])
table("compareWith 1.0 at the plugin's defaults, %d builds of each, taking turns (%s; %s); the builds without "
      "compareWith: median %.0f s" % (BUILDS, state["date"], state["machine"],
                                       statistics.median(alone.values()) if alone else float("nan")),
      ["1.1-SNAPSHOT", "builds failed", "builds with an inconclusive comparison", "median build",
       "build time / without compareWith, median (range)"], rows)
rows = []
for kind, _, _ in COMPARED:
    for label in sorted({r["result"] for b in of(kind) for r in b["results"]}):
        here = [r for b in of(kind) for r in b["results"] if r["result"] == label]
        gates = [r["gate"] for r in here]
        rows.append([kind, label, " ".join("%s %d" % (s, gates.count(s)) for s in
                                           ("fail", "pass", "inconclusive", "not-compared", "none") if gates.count(s)),
                     "%.3f" % statistics.median(r["ratio"] for r in here),
                     "%.3f-%.3f" % (min(r["ratio"] for r in here), max(r["ratio"] for r in here)),
                     "±%.1f%%" % (100 * statistics.median((r["high"] - r["low"]) / 2 for r in here)),
                     "%g" % statistics.median(r["pairs"] for r in here)])
table("Per result", ["1.1-SNAPSHOT", "result", "compareWith checks", "median new / old", "range",
                     "median interval half-width", "median pairs"], rows)
rows = [[b["kind"], b["turn"], r["result"], r["pairs"],
         "%s [%s, %s]" % (percent(r["ratio"]), percent(r["low"]), percent(r["high"])), r["compare"], r["gate"],
         "%.0f s" % b["seconds"]]
        for b in state["builds"] if b["kind"] != "alone" for r in b["results"]]
table("Every build", ["1.1-SNAPSHOT", "#", "result", "pairs", "new / old, 95% interval", "first measurement",
                      "gate", "build"], rows)
