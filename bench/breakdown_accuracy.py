"""Accuracy of the breakdown on work whose cause is known by construction (issue 31, item 5).

One Maven project (bench/accuracy/src: test classes, each a Callable workload of 8 tasks) holds
seven fixtures, each built so that one cause and one culprit explain its threads' lost time:

  registry  a synchronized method of one shared object      lock: monitor-enter on bench.Registry at Registry.lookup
  ledger    one shared ReentrantLock                        lock: park on ReentrantLock$NonfairSync at Ledger.post
  journal   one shared StringBuffer (a JDK class)           lock: monitor-enter on java.lang.StringBuffer at Journal.write
  churn     allocation churn on a small heap (argLine)      allocation site: byte[] at Churn.call
  nap       sleeping                                        wait: sleep at Nap.call
  caller    blocking socket reads from a slow loopback peer wait: socket on the loopback peer at Caller.ask
  pinned    a virtual thread sleeping inside synchronized   Java 21-23: pinned at Pinned.call; Java 24+: no pinning
                                                            seen (pinningRecordable true, no pinned element)

BUILDS builds (10 by default) of that project, each `mvn -B -o verify` under the machine lock (LOCK,
by default `flock -x /tmp/speedup-measure.lock`; LOCK= (empty) when the caller holds it around the
whole run, about a minute a build), modes sequential and
threads (and virtual for `pinned`), 2 workers, 6 s per workload. Per fixture: in how many builds the
breakdown of threads x2 (virtual x2 for `pinned`) named the right cause and the right culprit class
and method (the first entry of its list, as defined in FIXTURES below), the median share of that
culprit in its list and of the workers' time it stands for, and what the wrong builds named instead.

Virtual threads need Java 21+ in the measurement JVM: run Maven on it, e.g.
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 python3 bench/breakdown_accuracy.py
It uses the plugin installed in ~/.m2 (VERSION in common.py). Each build's log stays in the project's
folder as build-N.log, its speedup.xml as speedup-N.xml."""
import os
import re
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

from common import ROOT, VERSION, java_pom, result, table

BUILDS = int(os.environ.get("BUILDS", "10"))
LOCK = shlex.split(os.environ.get("LOCK", "flock -x /tmp/speedup-measure.lock"))
WORKERS = 2
FRAME = re.compile(r"^bench\.(\w+)\.(\w+):\d+$")


def named(element, cause, subject, method):
    """Whether a culprit element has this cause, a subject matching `subject` (a string: equal; a
    pattern: matching) and a frame in the method `bench.<method>` at a line."""
    if element is None:
        return False
    same_subject = (element.get("subject") == subject if isinstance(subject, str)
                    else subject.fullmatch(element.get("subject")) is not None)
    frame = FRAME.match(element.get("frame"))
    return (element.get("cause") == cause and same_subject
            and frame is not None and "%s.%s" % frame.groups() == method)


def pinning_right(breakdown):
    """Java 21-23: the longest pinning at Pinned.call; Java 24+: recordable and none seen."""
    if breakdown.get("pinningRecordable") != "true":
        return False
    if JAVA_FEATURE >= 24:
        return breakdown.find("pinned") is None
    return named(breakdown.find("pinned"), "pinned", re.compile(".+"), "Pinned.call")


LOOPBACK_PEER = re.compile(r"(localhost|127\.0\.0\.1|::1|0:0:0:0:0:0:0:1)(/[\d.:]+)?:\d+")

# name -> (class, modes, the result judged, the list its culprit heads, its share of the workers'
# time, whether the breakdown named it).
FIXTURES = {
    "registry": ("bench.Registry", "sequential,threads", "threads", "lock", "monitor",
                 lambda b: named(b.find("lock"), "monitor-enter", "bench.Registry", "Registry.lookup")),
    "ledger": ("bench.Ledger", "sequential,threads", "threads", "lock", "parked",
               lambda b: named(b.find("lock"), "park", "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                               "Ledger.post")),
    "journal": ("bench.Journal", "sequential,threads", "threads", "lock", "monitor",
                lambda b: named(b.find("lock"), "monitor-enter", "java.lang.StringBuffer", "Journal.write")),
    "churn": ("bench.Churn", "sequential,threads", "threads", "allocationSite", "collector",
              lambda b: named(b.find("allocationSite"), "allocation", "byte[]", "Churn.call")),
    "nap": ("bench.Nap", "sequential,threads", "threads", "wait", "waiting",
            lambda b: named(b.find("wait"), "sleep", "", "Nap.call")),
    "caller": ("bench.Caller", "sequential,threads", "threads", "wait", "waiting",
               lambda b: named(b.find("wait"), "socket", LOOPBACK_PEER, "Caller.ask")),
    "pinned": ("bench.Pinned", "sequential,threads,virtual", "virtual", "pinned", "waiting",
               pinning_right),
}


CONFIGURATION = "".join(
    "          <workload><name>%s</name><className>%s</className><tasks>8</tasks><modes>%s</modes></workload>\n"
    % (name, cls, modes) for name, (cls, modes, *_) in FIXTURES.items())
CONFIGURATION = ("          <workloads>\n" + CONFIGURATION + "          </workloads>\n"
                 "          <workers>%d</workers>\n" % WORKERS +
                 "          <maxTimeInSeconds>6</maxTimeInSeconds>\n"
                 # A small heap, so that churn's collections happen inside the diagnostic iteration.
                 "          <argLine>-Xms96m -Xmx96m -Xmn16m</argLine>\n")


def java_feature():
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else "java"
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    number = re.search(r'version "(\d+)(\.(\d+))?', version)
    first = int(number.group(1))
    return int(number.group(3)) if first == 1 else first


JAVA_FEATURE = java_feature()


def project():
    directory = tempfile.mkdtemp(prefix="speedup-bench-accuracy-")
    shutil.copytree(os.path.join(ROOT, "bench", "accuracy", "src"), os.path.join(directory, "src"))
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(java_pom("bench", "accuracy", "1.0", VERSION, CONFIGURATION))
    return directory


def build(directory, number):
    """One build under the lock: its report parsed (kept as speedup-N.xml), or None if it failed."""
    log = os.path.join(directory, "build-%d.log" % number)
    start = time.monotonic()
    with open(log, "w") as out:
        done = subprocess.run([*LOCK, "mvn", "-B", "-o", "verify"], cwd=directory, stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        return None, seconds
    kept = os.path.join(directory, "speedup-%d.xml" % number)
    shutil.copy(os.path.join(directory, "target", "site", "speedup", "speedup.xml"), kept)
    return ET.parse(kept).getroot(), seconds


def verdict(root, name):
    """(right, what it named, the culprit's share of its list, its part of the workers' time)."""
    _, _, mode, listed, part, right = FIXTURES[name]
    if root is None:
        return False, "the build failed", None, None
    try:
        breakdown = result(root, name, mode, WORKERS).find("breakdown")
    except KeyError:
        return False, "no %s x%d result" % (mode, WORKERS), None, None
    if breakdown is None:
        return False, "no breakdown", None, None
    if breakdown.get("unavailable") is not None:
        return False, "no breakdown: " + breakdown.get("unavailable"), None, None
    top = breakdown.find(listed)
    share = float(top.get("share")) if top is not None else None
    return right(breakdown), describe(breakdown, listed), share, float(breakdown.get(part))


def describe(breakdown, listed):
    """What the breakdown named first: its list's head, or else the largest share and its culprit."""
    top = breakdown.find(listed)
    if top is not None:
        return "%s %s at %s (%.0f%%)" % (top.get("cause"), top.get("subject") or "-", top.get("frame"),
                                         100 * float(top.get("share")))
    shares = {s: float(breakdown.get(s)) for s in ("running", "monitor", "parked", "waiting", "collector")}
    largest = max(shares, key=shares.get)
    heads = [e for e in breakdown if e.tag in ("lock", "wait", "allocationSite", "hotFrame", "pinned")]
    head = heads[0] if heads else None
    return "no %s; %s %.0f%%%s" % (listed, largest, 100 * shares[largest],
                                   "" if head is None else ", first %s: %s %s at %s" % (
                                       head.tag, head.get("cause"), head.get("subject") or "-", head.get("frame")))


def main():
    directory = project()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    seen = {name: [] for name in FIXTURES}
    machine = None
    for number in range(1, BUILDS + 1):
        root, seconds = build(directory, number)
        if root is not None and machine is None:
            env = root.find("environment")
            machine = "%s, %s logical cores, %s %s, Java %s (%s)" % (
                env.get("cpuModel"), env.get("logicalCores"), env.get("osName"), env.get("osVersion"),
                env.get("jvmVersion"), env.get("jvmVendor"))
        for name in FIXTURES:
            seen[name].append(verdict(root, name))
        print("build %d of %d, %.0f s: %s" % (number, BUILDS, seconds, "; ".join(
            "%s %s" % (name, "right" if v[-1][0] else "WRONG: " + v[-1][1]) for name, v in seen.items())),
            flush=True)

    rows = []
    for name, verdicts in seen.items():
        cls, _, mode, listed, part, _ = FIXTURES[name]
        shares = [s for right, _, s, _ in verdicts if right and s is not None]
        parts = [p for _, _, _, p in verdicts if p is not None]
        wrong = sorted({what for right, what, _, _ in verdicts if not right})
        rows.append([name, "%s x%d %s" % (mode, WORKERS, listed),
                     "%d of %d" % (sum(1 for right, *_ in verdicts if right), len(verdicts)),
                     "%.0f%%" % (100 * statistics.median(shares)) if shares else "-",
                     "%s %.0f%%" % (part, 100 * statistics.median(parts)) if parts else "-",
                     "; ".join(wrong) or "-"])
    table("Breakdown accuracy: %d builds from %s, plugin %s; %s; project in %s"
          % (BUILDS, started, VERSION, machine or "no build succeeded", directory),
          ["fixture", "judged", "right", "median share of the culprit", "median part of the workers' time",
           "named instead (wrong builds)"], rows)


if __name__ == "__main__":
    main()
