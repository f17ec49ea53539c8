def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'

// Every workload ran on a 2-member cluster, which started once per workload and said so.
for (name in ['sleep', 'cpu', 'primes']) {
    def cluster = check.result(report, name, 'cluster', 2)
    assert cluster.sample.size() == 4: "$name cluster"
    assert (cluster.@clusterStartupMs.text() as double) > 0: "$name: the cluster reports its start-up"
    assert cluster.@poolStartupMs.text() == '': 'the cluster start-up has its own name'
    assert cluster.@ipcMs.text() != '' && cluster.sample.every { it.@ipcMs.text() != '' }:
            "$name: the cluster reports the time outside the tasks' compute"
    assert cluster.sample.every { it.@startupMs.text() == '' }: 'start-up is paid once, not in the iterations'
    // The members described themselves: two JVMs of this machine, with its cores, Hazelcast's and Java's versions.
    def members = cluster.cluster
    assert members.size() == 1 && members.@members.text() == '2': "$name: the cluster's members are recorded"
    assert members.@cores.text() ==~ /[1-9][0-9]* [1-9][0-9]*/: "$name: cores ${members.@cores}"
    assert members.@hazelcastVersion.text() ==~ /5\.[0-9]+\.[0-9]+.*/ && members.@javaVersion.text() != ''
    println "$name: sequential ${check.result(report, name, 'sequential', 1).@medianMs} ms; " +
            ['threads', 'pool', 'cluster'].collect { mode ->
                def r = check.result(report, name, mode, 2)
                "$mode ×2 ${r.@speedup}× (median ${r.@medianMs} ms, ipc ${r.@ipcMs.text() ?: '-'} ms)"
            }.join('; ') + "; cluster start-up ${cluster.@clusterStartupMs} ms"
}
// The primes' counts are Integers, sent back: four results of a few dozen bytes each iteration.
assert check.result(report, 'primes', 'cluster', 2).sample.every { (it.@movedBytes.text() as long) > 0 }

def sleep = report.workload.find { it.@name.text() == 'sleep' }
def reading = sleep.diagnosis.evidence.text()
if (sleep.diagnosis.@verdict.text() == 'contaminated') {
    // a result the reading needs was disturbed by other work: it is named instead of a lesson
    assert reading.startsWith('No pattern can be read: the reading needs '): reading
} else {
    // Waiting work overlaps on two members as on two threads: about 2×, with a wide margin.
    double speedup = check.result(report, 'sleep', 'cluster', 2).@speedup.text() as double
    assert speedup > 1.5 && speedup < 2.3: "sleep on a 2-member cluster: $speedup×"
    assert reading.contains('A 2-member cluster on this machine reaches '): reading
    assert reading.contains(' is serialisation and network'): reading
}

File page = new File(basedir, 'target/site/speedup/index.html')
assert page.text.contains('cluster-chart'): 'the page splits the cluster time into compute and the rest'
assert page.text.contains('Cluster results ran on 2 members ('): 'the page header names the cluster\'s members'

// Hazelcast was resolved for the cluster's JVMs, never put on Maven's: the build log shows the
// members and the driver, and the plugin's own class path has no Hazelcast jar.
String log = new File(basedir, 'build.log').text
assert !log.contains('ClassNotFoundException'): 'Hazelcast was on the cluster JVMs\' class path'
return true
