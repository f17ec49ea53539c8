"""Shared pieces of the benchmarks: build throwaway projects that use the installed plugin,
run Maven on them, read the speedup.xml they write. Run from the repository root, after
`mvn -B -q install -DskipTests -Dinvoker.skip` (run-all.sh does both)."""
import os
import platform
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

PLUGIN = "io.github.speedup:speedup-maven-plugin"
VERSION = "0.1.0-SNAPSHOT"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>{artifact}</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.speedup</groupId>
        <artifactId>speedup-maven-plugin</artifactId>
        <version>{version}</version>
        <executions><execution><goals><goal>run</goal></goals></execution></executions>
        <configuration>
{configuration}
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"""


# The versions of the build's own plugins for a bench project with Java sources, pinned as
# BUILD-NOTES.md says (Maven 3.8.7 would otherwise bind surefire 2.12.4): the lines of a
# <pluginManagement><plugins> block, for a POM template to open and close.
PINNED_PLUGINS = """        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>"""


# A bench project with Java sources whose build runs the plugin: the POM around its <configuration>
# lines (indented by ten spaces), with the build's own plugins pinned.
JAVA_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>{group}</groupId>
  <artifactId>{artifact}</artifactId>
  <version>{version}</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <pluginManagement>
      <plugins>
{pinned}
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>io.github.speedup</groupId>
        <artifactId>speedup-maven-plugin</artifactId>
        <version>{plugin}</version>
        <executions><execution><goals><goal>run</goal></goals></execution></executions>
        <configuration>
{configuration}        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"""


def java_pom(group, artifact, version, plugin, configuration):
    """JAVA_POM for these coordinates, this plugin version and these configuration lines."""
    return JAVA_POM.format(group=group, artifact=artifact, version=version, plugin=plugin,
                           pinned=PINNED_PLUGINS, configuration=configuration)


def project(artifact, configuration):
    """A fresh project directory whose POM holds only the plugin with this configuration."""
    directory = tempfile.mkdtemp(prefix="speedup-bench-" + artifact + "-")
    with open(os.path.join(directory, "pom.xml"), "w") as pom:
        pom.write(POM.format(artifact=artifact, version=VERSION, configuration=configuration))
    return directory


def workload(name, kind, tasks, size):
    return ("<workload><name>%s</name><kind>%s</kind><tasks>%d</tasks><size>%d</size></workload>"
            % (name, kind, tasks, size))


def written_out(root):
    """This version's default suite, as its report records it, written out as a configuration that
    the release before also reads: each workload with its kind, tasks, size, modes, workers and
    budget, and the suite's heap. Its own targetPrecision per workload is left out (the release before
    has no such parameter): both sides are held to the run's target."""
    lines = ["<workloads>"]
    for w in root.iter("workload"):
        lines.append("  <workload><name>%s</name><kind>%s</kind><tasks>%s</tasks><size>%s</size>"
                     "<modes>%s</modes><workers>%s</workers><maxTimeInSeconds>%s</maxTimeInSeconds></workload>"
                     % (w.get("name"), w.get("kind"), w.get("tasks"), w.get("size"),
                        ",".join(w.get("modes").split()), ",".join(w.get("workers").split()),
                        w.get("maxTimeInSeconds")))
    lines.append("</workloads>")
    lines.append("<argLine>%s</argLine>" % root.find("settings").get("argLine"))
    return "\n".join(lines)


def mvn(directory, *args):
    """Runs `mvn -B -q verify` there; returns the wall time in seconds."""
    start = time.monotonic()
    subprocess.run(["mvn", "-B", "-q", "verify", *args], cwd=directory, check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def report(directory):
    """The speedup.xml of a project, parsed (ElementTree resolves no external entities)."""
    return ET.parse(os.path.join(directory, "target", "site", "speedup", "speedup.xml")).getroot()


def result(root, workload_name, mode, workers):
    for w in root.iter("workload"):
        if w.get("name") == workload_name:
            for r in w.iter("result"):
                if r.get("mode") == mode and int(r.get("workers")) == workers:
                    return r
    raise KeyError((workload_name, mode, workers))


def median(values):
    return statistics.median(values)


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return "%s, %d logical cores, %s %s, %s" % (cpu, os.cpu_count(), platform.system(), platform.release(), java)


def table(title, header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print("\n" + title + "\n")
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
