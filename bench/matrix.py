"""The compatibility matrix: a representative set of the invoker ITs under each Maven this plugin
claims (the oldest, 3.6.3; the newest 3.9.x; the newest Maven 4 Central serves), with Maven itself
on each installed JDK (17 and 25 here; 21 where a package provides it).

Each Maven is the distribution `org.apache.maven:apache-maven:<version>:tar.gz:bin`, resolved by
Maven from ~/.m2 or Central (maven-dependency-plugin's `copy`) and unpacked once under
~/.cache/speedup-matrix. The ITs run through the project's own invoker setup with
`-Dinvoker.mavenHome` (the Maven that runs each IT) and `-Dinvoker.javaHome` (its JVM); the build
around them stays on the machine's Maven and Java 17. `MAVEN_ARGS` carries
`-Dmaven.plugin.validation=VERBOSE` to the Mavens that read it (3.9 and 4), so every plugin
validation issue is in the IT logs, where this script looks for the ones about this plugin.

Every IT measures, so each cell (one Maven on one JDK, all its ITs) holds the machine lock
exclusively, and other people's runs can take turns between cells.
Usage: python3 bench/matrix.py [--mavens 3.6.3,...] [--javas 17,25] [--its default-suite,...] [--installed]
Prints one Markdown table (Maven, Java, IT, result, seconds); exit status 0 when every IT passed,
every speedup.xml it wrote records the Maven and Java of its cell, and no plugin validation issue
named this plugin."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "speedup-matrix")
LOCK = "/tmp/speedup-measure.lock"
# Set by a caller that holds the machine lock already (a CI run under `flock`): taking it again
# from a child process would wait for the caller forever.
LOCK_HELD = os.environ.get("SPEEDUP_LOCK_HELD") == "1"
# 3.6.3 is the plugin's <prerequisites>; 3.9.16 and 4.0.0-rc-5 the newest of their lines that
# Central serves as of 2026-12 (4.0.0 itself is not released there yet).
MAVENS = ["3.6.3", "3.9.16", "4.0.0-rc-5"]
JDKS = {"17": "/usr/lib/jvm/java-17-openjdk-amd64", "21": "/usr/lib/jvm/java-21-openjdk-amd64",
        "25": "/usr/lib/jvm/temurin-25-jdk-amd64"}
# The default suite; a user's own workload classes; a rule that fails the build (the gate);
# speedup:check on an earlier report; report-aggregate over a -T 2 multi-module build;
# compareWith against a release installed in the same IT's repository.
ITS = ["default-suite", "user-workload", "rule-fails", "check-goal", "aggregate", "compare-with"]
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy"
SELF = "speedup-maven-plugin"


def maven_home(version):
    """The unpacked distribution of this Maven version, resolved and unpacked on first use."""
    home = os.path.join(CACHE, "apache-maven-" + version)
    if os.path.isfile(os.path.join(home, "bin", "mvn")):
        return home
    os.makedirs(CACHE, exist_ok=True)
    archive = os.path.join(CACHE, "apache-maven-%s-bin.tar.gz" % version)
    if not os.path.isfile(archive):
        subprocess.run(["mvn", "-B", "-q", DEPENDENCY_PLUGIN,
                        "-Dartifact=org.apache.maven:apache-maven:%s:tar.gz:bin" % version,
                        "-DoutputDirectory=" + CACHE], cwd=CACHE, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(CACHE, filter="tar")
    return home


def run_cell(home, jdk, its, installed, log):
    """Runs the ITs under one Maven on one JDK, holding the machine lock; returns the wall time."""
    for it in its:  # invoker copies over an earlier clone; an old history or report must not leak in
        shutil.rmtree(os.path.join(ROOT, "target", "it", it), ignore_errors=True)
    shutil.rmtree(os.path.join(ROOT, "target", "invoker-reports"), ignore_errors=True)
    env = dict(os.environ, MAVEN_ARGS="-Dmaven.plugin.validation=VERBOSE")
    # After `mvn verify` (as in .ci/run) the plugin is in the ITs' repository already: invoker:run alone
    build = ["invoker:run"] if installed else ["verify", "-DskipTests"]
    command = ([] if LOCK_HELD else ["flock", LOCK]) + ["mvn", "-B", *build, "-Dinvoker.test=" + ",".join(its),
               "-Dinvoker.mavenHome=" + home, "-Dinvoker.javaHome=" + jdk]
    started = time.monotonic()
    with open(log, "w") as out:
        subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return time.monotonic() - started


def it_result(it):
    """(result, seconds) from invoker's report of one IT: success, failure, error or missing."""
    report = os.path.join(ROOT, "target", "invoker-reports", "BUILD-%s.xml" % it)
    if not os.path.isfile(report):
        return "missing", 0.0
    job = ET.parse(report).getroot()
    return job.get("result"), float(job.get("time") or 0)


def wrong_runtimes(it, version, java):
    """The reports of an IT that were not written under this Maven on this Java: proof that
    invoker ran the Maven and the JVM asked for, read from each speedup.xml's <environment>."""
    wrong, seen = [], 0
    for folder, _, files in os.walk(os.path.join(ROOT, "target", "it", it)):
        if "speedup.xml" in files and folder.endswith(os.path.join("site", "speedup")):
            environment = ET.parse(os.path.join(folder, "speedup.xml")).getroot().find("environment")
            seen += 1
            ran = (environment.get("mavenVersion"), environment.get("mavenJavaVersion", "").split(".")[0])
            if ran != (version, java):
                wrong.append("%s ran on Maven %s, Java %s" % (os.path.relpath(folder, ROOT), *ran))
    return wrong if seen else ["no speedup.xml written"]


def validation_issues(it):
    """Lines of an IT's build logs where Maven's plugin validation names this plugin."""
    issues = []
    for folder, _, files in os.walk(os.path.join(ROOT, "target", "it", it)):
        for name in files:
            if name.startswith("build") and name.endswith(".log"):
                with open(os.path.join(folder, name), errors="replace") as f:
                    lines = f.read().splitlines()
                issues += plugin_validation_lines(lines)
    return sorted(set(issues))


def plugin_validation_lines(lines):
    """The issues listed under this plugin in Maven's validation report, whose lines read
    `[WARNING]  * <groupId:artifactId:version>` and then, indented by two or more, its issues."""
    found, inside = [], False
    for line in lines:
        text = re.sub(r"^\[\w+\] ?", "", line)
        if text.startswith(" * "):
            inside = SELF in text
        elif inside and text.startswith("  ") and text.strip():
            found.append(text.strip())
        else:
            inside = False
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mavens", default=",".join(MAVENS))
    parser.add_argument("--javas", help="of %s; by default those installed" % ", ".join(JDKS))
    parser.add_argument("--its", default=",".join(ITS))
    parser.add_argument("--installed", action="store_true",
                        help="the plugin is in target/it-repo from a `mvn verify` just run: skip the build")
    args = parser.parse_args()
    its = args.its.split(",")
    if args.javas is None:
        jdks = [(name, home) for name, home in JDKS.items() if os.path.isdir(home)]
    else:
        jdks = [(name, JDKS.get(name, "")) for name in args.javas.split(",")]
        missing = [name for name, home in jdks if not os.path.isdir(home)]
        if missing:
            parser.error("--javas %s: no JDK for %s here (known: %s)" % (
                args.javas, ", ".join(missing), ", ".join("%s at %s" % item for item in JDKS.items())))
    logs = os.path.join(ROOT, "target", "matrix")
    os.makedirs(logs, exist_ok=True)
    rows, failed = [], 0
    for version in args.mavens.split(","):
        home = maven_home(version)
        for name, jdk in jdks:
            log = os.path.join(logs, "maven-%s-java-%s.log" % (version, name))
            wall = run_cell(home, jdk, its, args.installed, log)
            for it in its:
                result, seconds = it_result(it)
                issues = validation_issues(it) + wrong_runtimes(it, version, name)
                failed += result != "success" or bool(issues)
                rows.append((version, name, it, result if not issues else result + ": " + "; ".join(issues),
                             "%.0f" % seconds))
            print("Maven %s on Java %s: %.0f s in all (log %s): %s" % (
                version, name, wall, log, ", ".join("%s %s %s s" % row[2:] for row in rows[-len(its):])), flush=True)
    print("\n| Maven | Java | IT | result | seconds |\n|---|---|---|---|---|")
    for row in rows:
        print("| %s |" % " | ".join(row))
    print("\n%s, %d of %d passed" % (time.strftime("%Y-%m-%d"), len(rows) - failed, len(rows)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
