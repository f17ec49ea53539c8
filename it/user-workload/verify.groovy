def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'

def expected = ['digest-runnable': ['class', 'com.acme.DigestTask', 4],
                'hex-callable'   : ['class', 'com.acme.HexTask', 6],
                'digest-method'  : ['method', 'com.acme.Bench#digest', 4]]
int javaFeature = (report.environment.@jvmVersion.text() =~ /^(\d+)/)[0][1] as int
expected.each { name, meta ->
    def w = report.workload.find { it.@name.text() == name }
    assert w.@kind.text() == meta[0]
    assert w.@target.text() == meta[1]
    assert (w.@tasks.text() as int) == meta[2]
    assert w.@size.text() == '': 'user workloads have no size'
    assert check.result(report, name, 'sequential', 1).sample.size() == 3
    for (mode in ['threads', 'processes']) {
        def r = check.result(report, name, mode, 2)
        assert r.sample.size() == 3: "$name $mode"
        assert (r.@speedup.text() as double) > 0
    }
    def virtual = check.result(report, name, 'virtual', 2)
    assert javaFeature >= 21 ? virtual.sample.size() == 3 : virtual.@skipped.text() == 'true'
}

// The pool sends each 1 MiB result back through the pipe: four per iteration, and it costs time.
def pool = check.result(report, 'snapshot', 'pool', 2)
assert pool.sample.every { (it.@movedBytes.text() as long) == 4L << 20 }: 'four results of 1 MiB moved'
assert (pool.@movedBytes.text() as long) == 4L << 20
// Each way: the tasks take no input here, and their 4 MiB of results come back.
assert pool.@inputBytes.text() == '0' && (pool.@resultBytes.text() as long) == 4L << 20
assert (pool.@ipcMs.text() as double) > 0: 'moving 4 MiB is not free'
assert check.result(report, 'snapshot', 'threads', 2).@movedBytes.text() == '': 'threads pass references'
def snapshot = report.workload.find { it.@name.text() == 'snapshot' }
def reading = snapshot.diagnosis.evidence.text()
// A shared machine (another build, a hypervisor stealing the cores) that disturbed a result the reading
// needs leaves no lesson to read, and the product says which instead; one it does not need leaves the reading.
if (snapshot.diagnosis.@verdict.text() == 'contaminated') {
    assert reading.startsWith('No pattern can be read: the reading needs '): reading
} else {
    assert reading.contains('moving 0 B in, 4.0 MiB back'): reading
}
return true
