def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
def log = new File(basedir, 'build.log').text

assert !report.environment.@loadProbes.text().isEmpty(): 'no load probe ran on Linux'
def results = report.workload.result.findAll { it.@skipped.text() != 'true' }
int retries = results.sum { it.@retries.text() as int }
def contaminated = results.findAll { it.@contaminated.text() == 'true' }
def leftOut = results.findAll { r -> r.sample.any { it.@leftOut.text() == 'true' } }
assert retries > 0 || !contaminated.isEmpty() || !leftOut.isEmpty():
        'the busy loops disturbed nothing: neither re-run nor marked nor left out'
// A few disturbed samples leave their result's figures, never a result flagged as a whole, and each
// saw more foreign CPU than maxForeignLoad (0.10 cores) allows, or more steal or throttling than 5%,
// with the probes' 30 ms of slack.
for (r in leftOut) {
    assert r.@contaminated.text() != 'true': "${r.@mode} ×${r.@workers} is contaminated and has samples left out"
    def out = r.sample.findAll { it.@leftOut.text() == 'true' }
    assert out.size() * 4 <= r.sample.size(): "${r.@mode} ×${r.@workers}: ${out.size()} of ${r.sample.size()} left out"
    int cores = report.environment.@logicalCores.text() as int
    out.each {
        double wall = it.@wallMs.text() as double
        double throttled = it.@throttledMs.text() ? it.@throttledMs.text() as double : 0
        assert (it.@foreignCpuMs.text() as double) > 0.10 * wall + 30
                || (it.@stealMs.text() as double) > 0.05 * wall * cores + 30 || throttled > 0.05 * wall: it.attributes()
    }
    assert log.contains("Left out: workload ${report.workload[0].@name.text()}, ${r.@mode.text()} ×${r.@workers.text()}: ")
}
if (retries > 0) {
    assert log.contains('taken again once the machine is quiet'): 'a re-run is not in the log'
}

// Every sample says how much foreign CPU it saw; what was kept is quiet unless marked.
for (r in results) {
    for (s in r.sample) {
        assert s.@foreignCpuMs.text() != '': "a sample of ${r.@mode} ×${r.@workers} has no foreignCpuMs"
    }
}

// No pattern from busy results the reading needs (sequential and threads at the core count), and never
// the wrong lesson: they are named instead. A busy threads ×1 leaves the reading, which says so in one
// line; what was kept may still vary more than a quiet machine's, and then the reading says that instead.
def workload = report.workload[0]
def verdict = workload.diagnosis.@verdict.text()
def evidence = workload.diagnosis.evidence.text()
int cores = report.environment.@logicalCores.text() as int
def needed = contaminated.findAll { it.@mode.text() == 'sequential' || (it.@workers.text() as int) == Math.min(2, cores) }
assert verdict != 'lock-bound': 'pure CPU work read as lock-bound'
if (!needed.isEmpty()) {
    assert verdict == 'contaminated': "read as $verdict"
    assert evidence.startsWith('No pattern can be read: the reading needs '): evidence
    needed.each { assert evidence.contains("${it.@mode.text()} ×${it.@workers.text()}"): evidence }
} else if (verdict == 'mixed') {
    assert results.any { it.@unstable.text() == 'true' }: 'a mixed reading without an unstable result'
} else {
    assert verdict == 'cpu-bound': "read as $verdict"
}
if (needed.isEmpty() && !contaminated.isEmpty()) {
    assert log.contains('  Left out of the reading: threads ×1 (busy machine: '): 'the busy threads ×1 is not said to be left out'
}

// The busy loops ended by themselves.
new File(basedir, 'busy-loops.pids').readLines().each { pid ->
    assert !ProcessHandle.of(pid as long).map { it.isAlive() }.orElse(false): "busy loop $pid still runs"
}
return true
