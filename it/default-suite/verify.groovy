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

assert report.workload*.@kind*.text() == ['sleep', 'cpu', 'contended', 'alloc']
int javaFeature = (env.@jvmVersion.text() =~ /^(\d+)/)[0][1] as int
for (kind in ['sleep', 'cpu', 'contended', 'alloc']) {
    def seq = check.result(report, kind, 'sequential', 1)
    assert seq.sample.size() == 5
    for (w in workers) {
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
// Sleeping work overlaps on threads; the HTML page shows every workload.
assert (check.result(report, 'sleep', 'threads', cores).@speedup.text() as double) > 1.5
def html = new File(basedir, 'target/site/speedup/index.html').text
['sleep', 'cpu', 'contended', 'alloc'].each { assert html.contains("id=\"workload-$it\"") }
def log = new File(basedir, 'build.log').text
if (javaFeature < 21) assert log.contains('skipped: needs Java 21+')
return true
