def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
def log = new File(basedir, 'build.log').text

assert !report.environment.@loadProbes.text().isEmpty(): 'no load probe ran on Linux'
def results = report.workload.result.findAll { it.@skipped.text() != 'true' }
int retries = results.sum { it.@retries.text() as int }
def contaminated = results.findAll { it.@contaminated.text() == 'true' }
assert retries > 0 || !contaminated.isEmpty(): 'the busy loops disturbed nothing: neither re-run nor marked'
if (retries > 0) {
    assert log.contains('taken again once the machine is quiet'): 'a re-run is not in the log'
}

// Every sample says how much foreign CPU it saw; what was kept is quiet unless marked.
for (r in results) {
    for (s in r.sample) {
        assert s.@foreignCpuMs.text() != '': "a sample of ${r.@mode} ×${r.@workers} has no foreignCpuMs"
    }
}

// No reading from a busy machine, and never the wrong lesson: contaminated results say so; what
// was kept may still vary more than a quiet machine's, and then the reading says that instead.
def verdict = report.workload.diagnosis.@verdict.text()
assert verdict != 'lock-bound': 'pure CPU work read as lock-bound'
if (!contaminated.isEmpty()) {
    assert verdict == 'contaminated': "read as $verdict"
} else if (verdict == 'mixed') {
    assert results.any { it.@unstable.text() == 'true' }: 'a mixed reading without an unstable result'
} else {
    assert verdict == 'cpu-bound': "read as $verdict"
}

// The busy loops ended by themselves.
new File(basedir, 'busy-loops.pids').readLines().each { pid ->
    assert !ProcessHandle.of(pid as long).map { it.isAlive() }.orElse(false): "busy loop $pid still runs"
}
return true
