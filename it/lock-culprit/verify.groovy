def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

def registry = report.workload.find { it.@name.text() == 'registry' }
def threads = check.result(report, 'registry', 'threads', 2)
// Every result measured in the measurement JVM has its breakdown; the top lock of threads ×2 is the registry,
// taken in its synchronized method.
def lock = threads.breakdown.lock[0]
assert lock.@cause.text() == 'monitor-enter': lock.attributes()
assert lock.@subject.text() == 'com.acme.Registry': lock.attributes()
assert lock.@frame.text().startsWith('com.acme.Registry.lookup:'): lock.attributes()
assert (threads.breakdown.@monitor.text() as double) > 0.2: threads.breakdown.attributes()
def sequential = check.result(report, 'registry', 'sequential', 1)
assert sequential.breakdown.lock.isEmpty(): 'one worker has no one to wait for'
// Neither blocked nor waiting: on a core, or (a busy machine) queued for one, which reads off CPU.
assert (sequential.breakdown.@running.text() as double) + (sequential.breakdown.@offCpu.text() as double) > 0.8:
        sequential.breakdown.attributes()

def reading = registry.diagnosis.evidence.text()
assert registry.diagnosis.@verdict.text() == 'lock-bound': reading
assert reading.contains("of the workers' blocked time waits to enter com.acme.Registry at com.acme.Registry.lookup:"): reading
def log = new File(basedir, 'build.log').text
assert log.contains('waits to enter com.acme.Registry at com.acme.Registry.lookup:'): 'the reading in the log names the lock'

def page = org.jsoup.Jsoup.parse(new File(basedir, 'target/site/speedup/index.html'), 'UTF-8')
assert page.select('#workload-registry table.breakdown tbody tr').eachAttr('data-mode') == ['sequential', 'threads', 'pool']
assert page.selectFirst('#workload-registry table.culprits tr[data-mode=threads] td.culprit').text()
        .startsWith('com.acme.Registry at com.acme.Registry.lookup:')

// The pool's worker JVMs each record their share and the host merges them: each JVM has its own registry,
// so the two workers of both JVMs do not wait for it.
def pool = check.result(report, 'registry', 'pool', 2)
assert pool.breakdown.@workers.text() == '2': pool.breakdown.attributes()
assert pool.breakdown.lock.findAll { it.@subject.text() == 'com.acme.Registry' }.isEmpty(): pool.breakdown.lock*.attributes()
assert (pool.breakdown.@monitor.text() as double) < 0.05: pool.breakdown.attributes()

// The recording of threads ×2, which the reading rests on, is kept beside the report, linked from the page,
// and opens in the JDK's jfr tool with the workers' waits to enter the registry in it.
def speedup = new File(basedir, 'target/site/speedup')
assert threads.breakdown.@recording.text() == 'registry-threads-x2.jfr': threads.breakdown.attributes()
assert page.select('#workload-registry p.recording a').eachAttr('href') == ['registry-threads-x2.jfr']
assert speedup.list().findAll { it.endsWith('.jfr') } == ['registry-threads-x2.jfr']
def jfr = new ProcessBuilder(new File(System.getProperty('java.home'), 'bin/jfr').path, 'print', '--events',
        'jdk.JavaMonitorEnter', new File(speedup, 'registry-threads-x2.jfr').path).redirectErrorStream(true).start()
def printed = jfr.inputStream.text
assert jfr.waitFor() == 0: printed
assert printed.contains('monitorClass = com.acme.Registry'): printed.take(2000)
assert !new File(basedir, 'target/speedup-fork/recordings').exists(): 'the recordings not kept are gone'
return true
