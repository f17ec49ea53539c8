import java.time.Instant

def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def a = check.load(new File(basedir, 'a'), localRepositoryPath, projectVersion)
def b = check.load(new File(basedir, 'b'), localRepositoryPath, projectVersion)

// One after the other: the measuring spans do not overlap.
def span = { report -> [Instant.parse(report.@started.text()), Instant.parse(report.@created.text())] }
def (aStart, aEnd) = span(a)
def (bStart, bEnd) = span(b)
assert !aEnd.isAfter(bStart) || !bEnd.isAfter(aStart): "measured side by side: a $aStart..$aEnd, b $bStart..$bEnd"

// Each saw the cores to itself: pure CPU work scales and reads as CPU-bound, never as lock-bound.
// Where something outside this build took the cores all the same (a shared CI machine, a host
// that slows the VM's CPUs), the result says so instead: contaminated, or unstable, and no reading
// where the reading needs the result (sequential, or a mode at the 2 cores); a busy ×1 leaves the reading.
for (report in [a, b]) {
    def verdict = report.workload.find { it.@name.text() == 'compute' }.diagnosis.@verdict.text()
    def contaminated = report.workload.result.any { it.@contaminated.text() == 'true'
            && (it.@mode.text() == 'sequential' || it.@workers.text() == '2') }
    def unstable = report.workload.result.any { it.@unstable.text() == 'true' }
    assert verdict != 'lock-bound': 'pure CPU work read as lock-bound'
    if (contaminated) {
        assert verdict == 'contaminated': "a busy machine's results read as $verdict"
    } else if (verdict == 'mixed') {
        assert unstable: 'a mixed reading without an unstable result'
    } else {
        double speedup = check.result(report, 'compute', 'threads', 2).@speedup.text() as double
        assert speedup >= 1.7: "cpu threads ×2 on 2 cores reached only $speedup×"
        assert verdict == 'cpu-bound': "read as $verdict"
    }
}

// The second module waited for the first, said so, and the report holds the wait.
def log = new File(basedir, 'build.log').text
assert log.contains('Parallel build: modules measure one at a time'): 'the -T note is missing'
assert log.count('Parallel build: modules measure one at a time') == 1: 'the -T note is said once'
assert log.contains('Waiting for the measurement lock'): 'the wait is not in the log'
// The holder is the other module, unless another build of the machine held the lock first (CI may
// share the machine): then that one is named, and the modules' own waits are still in the reports.
def holders = (log =~ /held by (.+?), pid \d+, since /).collect { it[1] }
assert holders.any { it ==~ /project io\.github\.speedup\.it:module-[ab]:pom:1\.0/ } ||
        holders.any { !it.contains('io.github.speedup.it:module-') }: "no holder named: $holders"
double waited = Math.max(a.environment.@lockWaitMs.text() as double, b.environment.@lockWaitMs.text() as double)
assert waited > 1000: "one module waited for the other, yet the longest wait was $waited ms"
return true
