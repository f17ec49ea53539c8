"""Time to a trustworthy answer: the default suite sampled to a precision (no configuration) against
the same work measured the way of earlier releases, 1 warm-up and 5 iterations of every result: the
default suite as its first build records it (workloads, their modes, workers and the suite's heap),
written out as a configuration with a fixed count, taking turns, so both see the same machine and
the same work. Then, per workload of the sampled suite, the iterations each result used and the
precision its median reached."""
import statistics

from common import mvn, project, report, table, written_out

FIXED = "<warmupIterations>1</warmupIterations><iterations>5</iterations>"
TURNS = 2

after_dir = project("sampling-after", "")
mvn(after_dir)  # warms Maven's own caches, and records the suite to write out
before_dir = project("sampling-before", written_out(report(after_dir)) + FIXED)
before, after = [], []
for _ in range(TURNS):
    before.append(mvn(before_dir))
    after.append(mvn(after_dir))
b, a = statistics.median(before), statistics.median(after)
table("Default suite, mvn verify of a POM with only the plugin (median of %d turns each)" % TURNS,
      ["the same suite, fixed 1 + 5 iterations, s", "sampled to its targets, s", "sampled / fixed"],
      [["%.1f" % b, "%.1f" % a, "%.2f" % (a / b)]])

rows = []
root = report(after_dir)
for w in root.iter("workload"):
    measured = [r for r in w.iter("result") if r.get("skipped") != "true"]
    counts = [len(r.findall("sample")) for r in measured]
    reached = [float(r.get("precision")) for r in measured if r.get("shortOfTarget") == "false"]
    short = [r for r in measured if r.get("shortOfTarget") == "true"]
    rows.append([w.get("name"), w.find("diagnosis").get("verdict"), len(measured),
                 "%d-%d (median %g)" % (min(counts), max(counts), statistics.median(counts)),
                 "±%.1f%%" % (max(reached) * 100) if reached else "-",
                 "%d: %s" % (len(short), ", ".join("%s x%s ±%.1f%%" % (r.get("mode"), r.get("workers"),
                                                                        float(r.get("precision")) * 100)
                                                   for r in short)) if short else "0"])
table("Per workload of the last run: iterations used and the precision reached",
      ["workload", "reading", "results", "iterations", "worst unflagged", "short of target"], rows)
