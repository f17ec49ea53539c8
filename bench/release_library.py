"""A small library released as 1.0 and built again as 1.1-SNAPSHOT, unchanged or with a slowdown
in its one method, each build measuring the project's own workload with the plugin: the pieces that
bench/compare_release.py and bench/catch_slowdown.py share."""
import os

from common import VERSION, java_pom, report

WORKLOAD = "checksum"

CONFIGURATION = """          <workloads>
            <workload><name>{workload}</name><className>bench.compare.ChecksumTask</className><tasks>4</tasks></workload>
          </workloads>
          <modes>sequential,threads</modes>
          <workers>2</workers>
{budget}{thresholds}          <testbed>bench</testbed>
          <haltOnFailure>false</haltOnFailure>
{compare}
"""

# The library's one method; {percent} percent more rounds than asked for (0 in 1.0 and the unchanged 1.1).
WORK = """package bench.compare;

public final class Work {{
    private Work() {{
    }}

    public static long checksum(int rounds) {{
        long x = 0x9E3779B97F4A7C15L;
        int n = rounds + rounds / 100 * {percent};
        for (int i = 0; i < n; i++) {{
            // xorshift: each round needs the last, so the JIT can neither drop nor vectorise the loop
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }}
        return x;
    }}
}}
"""

TASK = """package bench.compare;

import java.util.concurrent.Callable;

public class ChecksumTask implements Callable<Long> {{
    @Override
    public Long call() {{
        return Work.checksum({rounds});
    }}
}}
"""


def library(directory, version, percent, compare, max_time, rounds, thresholds=""):
    """Writes the library's project into directory: its POM (the plugin with `compare` and `thresholds`
    among its configuration, as XML lines, each possibly empty, and maxTimeInSeconds `max_time`, the
    plugin's default where None), its method `percent` percent slower than 1.0's, and the workload's
    task of `rounds` rounds. Returns the directory."""
    budget = "" if max_time is None else "          <maxTimeInSeconds>%d</maxTimeInSeconds>\n" % max_time
    for path, text in (("pom.xml", java_pom("bench.speedup.compare", "compare-lib", version, VERSION,
                                           CONFIGURATION.format(workload=WORKLOAD, budget=budget,
                                                                thresholds=thresholds, compare=compare))),
                       ("src/main/java/bench/compare/Work.java", WORK.format(percent=percent)),
                       ("src/test/java/bench/compare/ChecksumTask.java", TASK.format(rounds=rounds))):
        os.makedirs(os.path.dirname(os.path.join(directory, path)), exist_ok=True)
        with open(os.path.join(directory, path), "w") as out:
            out.write(text)
    return directory


def worst(statuses):
    return next((s for s in ("fail", "inconclusive", "not-compared", "improved", "pass") if s in statuses),
                statuses[0])


def status(low, high, max_regression):
    """compareWith's rule (check/VersionGate), judged again from the interval at another threshold."""
    limit = 1 + max_regression / 100
    if low > limit:
        return "regressed"
    if high < 1 / limit:
        return "improved"
    return "unchanged" if low >= 1 / limit and high <= limit else "inconclusive"


def judged(directory):
    """Per result of this build: compareWith's status (of its <comparison>: the first measurement's,
    judged on its own), the compareWith check's (the gate's verdict, after Holm's correction and the
    confirmation) and the history check's."""
    root = report(directory)
    # The history gate checks time and, for a parallel mode, speedup: a result fails when either does.
    checks = {"history": {}, "compareWith": {}}
    for c in root.iter("check"):
        if c.get("type") in checks:
            checks[c.get("type")].setdefault((c.get("mode"), c.get("workers")), []).append(c.get("status"))
    rows = []
    for w in root.iter("workload"):
        # Only this build's results: the earlier version's sit under <previous> and have no comparison.
        for r in w.findall("result"):
            key = (r.get("mode"), r.get("workers"))
            c = r.find("comparison")
            rows.append({"result": "%s x%s" % key, "compare": c.get("status") if c is not None else "none",
                         "ratio": float(c.get("timeRatio") or "nan") if c is not None else float("nan"),
                         "low": float(c.get("timeRatioLow") or "nan") if c is not None else float("nan"),
                         "high": float(c.get("timeRatioHigh") or "nan") if c is not None else float("nan"),
                         "pairs": len(r.findall("sample")), "history": worst(checks["history"].get(key, ["none"])),
                         "gate": worst(checks["compareWith"].get(key, ["none"]))})
    return rows


