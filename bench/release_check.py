"""A release dry run, checked against Maven Central's documented requirements
(central.sonatype.org, "Publishing requirements"): for the jar, the sources jar, the javadoc jar and
the POM, each file with a GPG signature (.asc) and checksums (.md5 and .sha1 required; .sha256 and
.sha512 accepted); and a POM with groupId, artifactId, version, name, description, url, licenses,
developers and scm.

Clones the commit (default HEAD) into a temporary folder, sets a release version there (default
the POM's without -SNAPSHOT), makes a throwaway GPG key in a temporary GNUPGHOME, and runs
`mvn -B -Prelease deploy -DskipUpload=true -Dmaven.install.skip=true -DskipTests -Dinvoker.skip`:
the release profile signs every file and the Central Portal's plugin builds the bundle it would
upload (target/central-publishing/central-bundle.zip), without uploading it or installing
anything (online: the portal's plugin skips itself under -o, though with skipUpload it sends nothing). Then checks the bundle. With --staged DIR, checks a folder of files laid out as
groupId/artifactId/version instead (signatures required unless --unsigned).
Usage: python3 bench/release_check.py [--commit C] [--version V] | --staged DIR [--unsigned]
Builds only (nothing is measured): run it under the shared machine lock."""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
CLASSIFIERS = ["", "-sources", "-javadoc"]
# What the portal requires of a POM; each an element path and why a user needs it.
POM_ELEMENTS = ["groupId", "artifactId", "version", "name", "description", "url",
                "licenses/m:license/m:name", "licenses/m:license/m:url", "developers/m:developer",
                "scm/m:url", "scm/m:connection"]
CHECKSUMS = {"md5": hashlib.md5, "sha1": hashlib.sha1}


def problems_of(files, artifact, version, signed):
    """Every requirement the files (name -> bytes) miss, as sentences; none means Central would accept them."""
    problems = []
    base = "%s-%s" % (artifact, version)
    for main in [base + c + ".jar" for c in CLASSIFIERS] + [base + ".pom"]:
        if main not in files:
            problems.append("missing " + main)
            continue
        for ext, digest in CHECKSUMS.items():
            name = main + "." + ext
            if name not in files:
                problems.append("missing " + name)
            elif files[name].decode("ascii", "replace").split()[0].lower() != digest(files[main]).hexdigest():
                problems.append(name + " does not match " + main)
        if signed and main + ".asc" not in files:
            problems.append("missing " + main + ".asc")
        elif signed and b"BEGIN PGP SIGNATURE" not in files[main + ".asc"]:
            problems.append(main + ".asc is no ASCII-armoured signature")
    if base + ".pom" in files:
        pom = ET.fromstring(files[base + ".pom"])
        for path in POM_ELEMENTS:
            element = pom.find("m:" + path, NS)
            if element is None or not "".join(element.itertext()).strip():
                problems.append("the POM has no " + path.replace("m:", ""))
    return problems


def bundle_files(bundle, group, artifact, version):
    folder = "%s/%s/%s/" % (group.replace(".", "/"), artifact, version)
    with zipfile.ZipFile(bundle) as z:
        return {name[len(folder):]: z.read(name) for name in z.namelist() if name.startswith(folder)}


def folder_files(folder):
    return {name: open(os.path.join(folder, name), "rb").read() for name in os.listdir(folder)}


def run(cmd, **kwargs):
    subprocess.run(cmd, check=True, **kwargs)


def dry_run(commit, version):
    work = tempfile.mkdtemp(prefix="speedup-release-")
    try:
        clone, gnupg = os.path.join(work, "clone"), os.path.join(work, "gnupg")
        run(["git", "clone", "-q", "--no-checkout", ROOT, clone])
        run(["git", "-C", clone, "checkout", "-q", commit])
        pom_path = os.path.join(clone, "pom.xml")
        pom = open(pom_path, encoding="utf-8").read()
        snapshot = ET.fromstring(pom).find("m:version", NS).text
        version = version or snapshot.replace("-SNAPSHOT", "")
        # the project's own version is the first <version> after its artifactId
        pom = pom.replace("<version>%s</version>" % snapshot, "<version>%s</version>" % version, 1)
        open(pom_path, "w", encoding="utf-8").write(pom)
        os.makedirs(gnupg, mode=0o700)
        env = dict(os.environ, GNUPGHOME=gnupg)
        run(["gpg", "--batch", "--quiet", "--passphrase", "", "--quick-gen-key",
             "speedup release check <release-check@localhost>", "default", "default", "never"], env=env,
            stderr=subprocess.DEVNULL)
        log = os.path.join(work, "build.log")
        with open(log, "w") as out:
            result = subprocess.run(["mvn", "-B", "-Prelease", "deploy", "-DskipUpload=true",
                                     "-Dmaven.install.skip=true", "-DskipTests", "-Dinvoker.skip",
                                     "-Dgpg.homedir=" + gnupg], cwd=clone, env=env, stdout=out,
                                    stderr=subprocess.STDOUT)
        if result.returncode != 0:
            print(open(log).read()[-4000:])
            print("the release build failed (exit %d)" % result.returncode)
            return 1
        bundles = [os.path.join(d, f) for d, _, names in os.walk(os.path.join(clone, "target"))
                   for f in names if f == "central-bundle.zip"]
        if not bundles:
            print(open(log).read()[-6000:])
            print("the portal's plugin wrote no central-bundle.zip")
            return 1
        bundle = bundles[0]
        root = ET.parse(pom_path).getroot()
        group, artifact = root.find("m:groupId", NS).text, root.find("m:artifactId", NS).text
        files = bundle_files(bundle, group, artifact, version)
        print("release %s:%s:%s from commit %s: bundle of %d files" % (group, artifact, version, commit, len(files)))
        for name in sorted(files):
            print("  " + name)
        return report(problems_of(files, artifact, version, signed=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(problems):
    for problem in problems:
        print("NOT ACCEPTABLE: " + problem)
    print("Central's requirements: %s" % ("all met" if not problems else "%d missing" % len(problems)))
    return 0 if not problems else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--version")
    parser.add_argument("--staged")
    parser.add_argument("--unsigned", action="store_true")
    args = parser.parse_args()
    if args.staged:
        files = folder_files(args.staged)
        poms = [n for n in files if n.endswith(".pom")]
        match = re.match(r"(.+?)-(\d.*)\.pom$", poms[0]) if poms else None
        if not match:
            return report(["no POM in " + args.staged])
        return report(problems_of(files, match.group(1), match.group(2), signed=not args.unsigned))
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", args.commit], check=True, capture_output=True,
                            text=True).stdout.strip()
    return dry_run(commit, args.version)


if __name__ == "__main__":
    sys.exit(main())
