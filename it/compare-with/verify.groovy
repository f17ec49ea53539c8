// Five builds (invoker.properties): 1.0 installed, then 1.1-SNAPSHOTs measured against it; the first of them
// twice, as the manual's GitHub Actions workflow builds a push and then a pull request.
def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def log = new File(basedir, 'build.log').text

// 1. The release 1.0 went into the IT's local repository, never into the user's.
File installed = new File(localRepositoryPath, 'io/github/speedup/it/compare-lib/1.0/compare-lib-1.0.jar')
assert installed.isFile(): "1.0 not installed at $installed"
assert !new File(System.getProperty('user.home'), '.m2/repository/io/github/speedup/it/compare-lib').exists():
        'the IT installed into ~/.m2'
// Building 1.0 itself, RELEASE finds nothing before it: the log says so and the build goes on.
assert log =~ /compareWith RELEASE: no release of io\.github\.speedup\.it:compare-lib before 1\.0 in the local repository \S*it-repo.*; nothing is compared/
assert new File(basedir, 'lib-1.0/target/site/speedup/speedup.xml').isFile(): 'the 1.0 build measured as usual'
// Each 1.1-SNAPSHOT resolved 1.0: with RELEASE (unchanged), with 1.0 in the POM (slower) and on the command line.
assert log.count('compareWith RELEASE: the workloads are measured against io.github.speedup.it:compare-lib:1.0 too') == 1
assert log.count('compareWith 1.0: the workloads are measured against io.github.speedup.it:compare-lib:1.0 too') == 2
// Both sides load their main code from a jar: this build's from the jar it packaged before verify, 1.0's from its own.
def fromJar = { String compareWith, String module, String version ->
    (log =~ ("compareWith ${java.util.regex.Pattern.quote(compareWith)}: this build's main classes run from \\S*"
            + "${module}[/\\\\]target[/\\\\]compare-lib-${java.util.regex.Pattern.quote(version)}\\.jar, as the "
            + "earlier version's from its jar")).count
}
// 1.0 itself compares nothing, and runs as it would without compareWith
assert fromJar('RELEASE', 'lib-1.0', '1.0') == 0 && fromJar('RELEASE', 'unchanged', '1.1-SNAPSHOT') == 1
assert fromJar('1.0', 'slower', '1.1-SNAPSHOT') == 1 && fromJar('1.0', 'changed-signature', '1.1-SNAPSHOT') == 1

// 2. The comparisons, as speedup.xml records them: a <comparison> per result, against the version
// compared with, the paired time ratio new / old with its 95% interval, a status and a reason.
def comparisons = { String module ->
    def report = check.load(new File(basedir, module), localRepositoryPath, projectVersion)
    def workload = report.workload.find { it.@name.text() == 'checksum' }
    assert workload.size() == 1: "$module: no workload checksum"
    def found = workload.'**'.findAll { it.name() == 'comparison' }
    assert !found.isEmpty(): "$module: no comparison in the report"
    found.each { assert it.@against.text() == '1.0': "$module: compared with ${it.@against.text()}" }
    return found
}
def ratios = { c ->
    [c.@timeRatioLow.text() as double, c.@timeRatio.text() as double, c.@timeRatioHigh.text() as double]
}

// Unchanged: no comparison regressed, and the ratio is about 1.
comparisons('unchanged').each { c ->
    assert c.@status.text() in ['unchanged', 'improved', 'inconclusive']: "unchanged: ${c.@status.text()}"
    def (low, ratio, high) = ratios(c)
    assert low <= ratio && ratio <= high
    assert ratio > 0.85 && ratio < 1.15: "the same method, measured side by side: new / old = $ratio"
}

// The workflow's two builds of unchanged (a push, then a pull request with compareWith RELEASE): both runs in
// the history folder the workflow caches, under its testbed and the module.
File kept = new File(basedir, 'unchanged/.speedup/gha-ubuntu-24.04-x64/io.github.speedup.it/compare-lib')
def runs = (kept.listFiles() ?: []).findAll { it.name.endsWith('.xml') }.sort { it.name }
assert runs.size() == 2: "the push's and the pull request's run in $kept: $runs"
def keptRuns = runs.collect { new groovy.xml.XmlSlurper(false, false, false).parse(it) }
assert keptRuns.collect { it.@testbed.text() } == ['gha-ubuntu-24.04-x64', 'gha-ubuntu-24.04-x64']
// The job summary: each build appended speedup.md to the file GITHUB_STEP_SUMMARY names, the pull
// request's with its comparison against 1.0.
def summary = new File(basedir, 'unchanged/step-summary.md').text
def sections = summary.split(/(?m)^(?=## Speedup report$)/).findAll { it.trim() }
assert sections.size() == 2: summary
assert !sections[0].contains('compareWith') && sections[0].contains('| checksum |')
assert sections[1].contains(' against 1.0** (') && sections[1].contains(', compareWith RELEASE, measured side by side;'): sections[1]
assert sections[1] == new File(basedir, 'unchanged/target/site/speedup/speedup.md').text
// The test report the workflow publishes: the pull request's compareWith check, passed.
def junit = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'unchanged/target/speedup-reports/TEST-speedup.xml'))
assert junit.@name.text() == 'compare-lib' && junit.@failures.text() == '0'
assert junit.testcase.find { it.@name.text() == 'compareWith sequential ×1 time' }.@classname.text() == 'checksum'

// 30% more work: regressed, and the build failed naming the workload and both versions.
comparisons('slower').each { c ->
    assert c.@status.text() == 'regressed': "slower: ${c.@status.text()}"
    def (low, ratio, high) = ratios(c)
    assert low <= ratio && ratio <= high
    assert low > 1.10 && ratio > 1.15 && ratio < 1.6: "30% more work: new / old = $ratio [$low, $high]"
}
assert log.readLines().any { it.contains('checksum') && it.contains('1.0') && it.contains('1.1-SNAPSHOT') && it.contains('[ERROR]') }:
        'the failed build names the workload and both versions'
// Judged by compareWithMaxRegression (2.5% by default), not by maxRegression (10%), and recorded so.
assert log =~ /Regression for workload checksum, mode sequential ×1, this build \(1\.1-SNAPSHOT\) against 1\.0: time \+\d+\.\d% \[\+\d+\.\d%, \+\d+\.\d%\] \(paired time ratio 1\.\d\d, 95% interval\): the whole interval lies above \+2\.5% \(compareWithMaxRegression 2\.50%\)/
def slowerReport = check.load(new File(basedir, 'slower'), localRepositoryPath, projectVersion)
assert slowerReport.compareWith.@compareWithMaxRegression.text() == '2.500'
// Before failing, the failing results were measured again on both sides in the same build
// (confirmFailures), and the second measurement agreed: both are in the report and the log.
assert log.contains('Measuring again before failing the build (confirmFailures): ')
def failed = slowerReport.checks.check.findAll { it.@type.text() == 'compareWith' && it.@status.text() == 'fail' }
assert !failed.isEmpty(): 'the slower build failed on a confirmed comparison'
failed.each { c ->
    assert c.confirmation.size() == 1 && c.confirmation.@status.text() == 'fail': c.@message.text()
    assert (c.confirmation.@value.text() as double) > 1.10: "measured again, new / old = ${c.confirmation.@value.text()}"
    assert c.@message.text().contains('. Confirmed by a second measurement: Regression for workload checksum, mode ')
    assert log.contains(c.@message.text())
}
// The unchanged build's comparisons say how small a change they would have seen.
def unchangedChecks = check.load(new File(basedir, 'unchanged'), localRepositoryPath, projectVersion).checks.check
        .findAll { it.@type.text() == 'compareWith' && it.@value.text() }
assert !unchangedChecks.isEmpty()
unchangedChecks.each { c ->
    assert (c.@detectablePercent.text() as double) > 0: c.@message.text()
    if (c.@status.text() in ['pass', 'inconclusive']) {
        assert c.@message.text().endsWith(String.format(Locale.ROOT, ' (would have seen ≥ %.1f%%)',
                c.@detectablePercent.text() as double)): c.@message.text()
    }
}

// A changed signature: not compared, with the linkage error, and the build went on (invoker.properties).
comparisons('changed-signature').each { c ->
    assert c.@status.text() == 'not-compared': "changed-signature: ${c.@status.text()}"
    assert c.@timeRatio.text() == ''
    assert c.@reason.text().contains('NoSuchMethodError'): c.@reason.text()
    assert c.@reason.text().contains('com.acme.lib.Work.checksum(long)'): c.@reason.text()
}
assert new File(basedir, 'changed-signature/target/site/speedup/index.html').isFile()
return true
