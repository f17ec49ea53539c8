def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

assert report.@schemaVersion.text() == '1'
assert report.@complete.text() == 'true'
def env = report.environment
assert (env.@logicalCores.text() as int) == Runtime.runtime.availableProcessors()
assert env.@cpuModel.text() && env.@jvmVersion.text() && env.@mavenVersion.text()

int cores = Runtime.runtime.availableProcessors()
def workers = [] as SortedSet
for (int w = 1; w < cores; w *= 2) workers << w
workers << cores
workers << 2 * cores
assert report.settings.@workers.text() == workers.join(' ')

assert report.workload*.@kind*.text() == ['sleep', 'cpu', 'contended', 'alloc']
int javaFeature = (env.@jvmVersion.text() =~ /^(\d+)/)[0][1] as int
for (kind in ['sleep', 'cpu', 'contended', 'alloc']) {
    def seq = check.result(report, kind, 'sequential', 1)
    assert seq.sample.size() == 5
    int tasks = report.workload.find { it.@kind.text() == kind }.@tasks.text() as int
    for (w in workers) {
        if (w > tasks) {
            ['threads', 'processes'].each { mode ->
                assert check.result(report, kind, mode, w).@reason.text().contains("$w workers for $tasks tasks")
            }
            assert check.result(report, kind, 'virtual', w).@skipped.text() == 'true'
            continue
        }
        for (mode in ['threads', 'processes']) {
            def r = check.result(report, kind, mode, w)
            assert r.sample.size() == 5: "$kind $mode ×$w"
            assert (r.@speedup.text() as double) > 0
        }
        def virtual = check.result(report, kind, 'virtual', w)
        if (javaFeature < 21) {
            assert virtual.@skipped.text() == 'true'
            assert virtual.@reason.text().startsWith('skipped: needs Java 21+')
        } else {
            assert virtual.sample.size() == 5
        }
    }
}
// Sleeping work overlaps on threads, past the core count, and is read as I/O-bound.
assert (check.result(report, 'sleep', 'threads', cores).@speedup.text() as double) > 1.5
assert (check.result(report, 'sleep', 'threads', 2 * cores).@speedup.text() as double) > cores
def sleepWorkload = report.workload.find { it.@kind.text() == 'sleep' }
// ... unless the machine was busy while it was measured: then the report says that instead.
def sleepVerdict = sleepWorkload.diagnosis.@verdict.text()
assert sleepVerdict == (sleepWorkload.result.any { it.@contaminated.text() == 'true' } ? 'contaminated' : 'io-bound')
report.workload.each { assert it.diagnosis.evidence.text() && it.diagnosis.recommendation.text() }
def html = new File(basedir, 'target/site/speedup/index.html').text
['sleep', 'cpu', 'contended', 'alloc'].each { assert html.contains("id=\"workload-$it\"") }
def log = new File(basedir, 'build.log').text
if (javaFeature < 21) assert log.contains('skipped: needs Java 21+')
return true
