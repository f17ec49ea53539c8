"""Reproducible builds: two clean builds of one commit, in two folders and a few seconds apart,
must give byte-identical jars (the plugin jar, its sources and its javadoc). Clones the commit
(default HEAD) twice with git, builds each with `mvn -B -q -o package -DskipTests -Dinvoker.skip`,
and compares the SHA-256 of every jar; for a jar that differs, names the entries that differ.
Exit status 0 when all are identical. Usage: python3 bench/reproducible.py [commit] [pause-seconds]
Builds only (nothing is measured): run it under the shared machine lock."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMIT = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
PAUSE = float(sys.argv[2]) if len(sys.argv) > 2 else 5
JARS = ["", "-sources", "-javadoc"]


def build(folder, commit):
    subprocess.run(["git", "clone", "-q", "--no-checkout", ROOT, folder], check=True)
    subprocess.run(["git", "-C", folder, "checkout", "-q", commit], check=True)
    started = time.time()
    subprocess.run(["mvn", "-B", "-q", "-o", "package", "-DskipTests", "-Dinvoker.skip"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return time.time() - started


def jars(folder):
    target = os.path.join(folder, "target")
    found = {}
    for name in sorted(os.listdir(target)):
        if name.endswith(".jar"):
            found[name] = os.path.join(target, name)
    return found


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def entry_differences(a, b):
    """The entries whose bytes, time or presence differ: what to fix when the jars differ."""
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        ia = {i.filename: i for i in za.infolist()}
        ib = {i.filename: i for i in zb.infolist()}
        diffs = [name + " (only in one)" for name in sorted(set(ia) ^ set(ib))]
        for name in sorted(set(ia) & set(ib)):
            if za.read(name) != zb.read(name):
                diffs.append(name + " (content)")
            elif ia[name].date_time != ib[name].date_time:
                diffs.append(name + " (time %s vs %s)" % (ia[name].date_time, ib[name].date_time))
        return diffs


def main():
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", COMMIT], check=True, capture_output=True,
                            text=True).stdout.strip()
    work = tempfile.mkdtemp(prefix="speedup-reproducible-")
    try:
        first, second = os.path.join(work, "one"), os.path.join(work, "two", "elsewhere")
        seconds = [build(first, commit)]
        time.sleep(PAUSE)  # a later clock: any build time that leaks into a jar shows
        seconds.append(build(second, commit))
        print("commit %s, built in %s and %s (%.0f s and %.0f s, %.0f s apart)"
              % (commit[:12], first, second, seconds[0], seconds[1], PAUSE))
        a, b = jars(first), jars(second)
        expected = ["speedup-maven-plugin-%s%s.jar" % (version(first), c) for c in JARS]
        missing = [name for name in expected if name not in a or name not in b]
        if missing:
            print("missing: " + ", ".join(missing))
            return 1
        differing = 0
        print("| jar | sha256 (first build) | identical |")
        print("|---|---|---|")
        for name in expected:
            same = sha256(a[name]) == sha256(b[name])
            print("| %s | %s | %s |" % (name, sha256(a[name]), "yes" if same else "NO"))
            if not same:
                differing += 1
                for diff in entry_differences(a[name], b[name]):
                    print("    differs: " + diff)
        print("all %d jars identical" % len(expected) if differing == 0 else "%d of %d jars differ"
              % (differing, len(expected)))
        return 0 if differing == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def version(folder):
    import xml.etree.ElementTree as ET
    pom = ET.parse(os.path.join(folder, "pom.xml")).getroot()
    return pom.find("{http://maven.apache.org/POM/4.0.0}version").text


if __name__ == "__main__":
    sys.exit(main())
