"""Time to a trustworthy answer: the default suite sampled to a precision (no configuration) against
the suite of earlier releases measured the earlier way (sleep 8 x 25 ms, cpu 2 x 100, contended
2 x 250, alloc 2 x 150, every mode at 1, 2 and 4 workers, 1 warm-up and 5 iterations), taking
turns, so both see the same machine. Then, per workload of the new suite, the iterations each
result used and the precision its median reached."""
import statistics

from common import mvn, project, report, table, workload

EARLIER = ("<workloads>" + workload("sleep", "sleep", 8, 25) + workload("cpu", "cpu", 2, 100)
           + workload("contended", "contended", 2, 250) + workload("alloc", "alloc", 2, 150) + "</workloads>"
           "<modes>sequential,threads,virtual,processes,pool</modes><workers>1,2,4</workers>"
           "<warmupIterations>1</warmupIterations><iterations>5</iterations>")
TURNS = 2

before_dir = project("sampling-before", EARLIER)
after_dir = project("sampling-after", "")
mvn(after_dir)  # warms Maven's own caches
before, after = [], []
for _ in range(TURNS):
    before.append(mvn(before_dir))
    after.append(mvn(after_dir))
b, a = statistics.median(before), statistics.median(after)
table("Default suite, mvn verify of a POM with only the plugin (median of %d turns each)" % TURNS,
      ["earlier: fixed 1 + 5 iterations, s", "now: sampled to ±3%, s", "now / earlier"],
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
