// Each workload must read as its own lesson, exactly: a reading of "mixed" or "contaminated" fails this
// test as a wrong lesson does. The work is sized so that its physics holds while other work runs on 2
// cores (up to one core of other work is believed, maxForeignLoad 1.0), and iterations beside more are
// taken again within the budget (maxTimeInSeconds).
def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
int cores = report.environment.@logicalCores.text() as int
assert cores >= 2: "the lessons need 2 cores, this machine has $cores"

def expected = [io: 'io-bound', cpu: 'cpu-bound', lock: 'lock-bound', memory: 'memory-bound']
assert report.workload*.@name*.text() == expected.keySet() as List
def readings = report.workload.collectEntries { [(it.@name.text()): it.diagnosis.@verdict.text()] }
def evidence = { String name -> report.workload.find { it.@name.text() == name }.diagnosis.evidence.text() }
expected.each { name, verdict ->
    assert readings[name] == verdict: "$name read as ${readings[name]}, not $verdict: ${evidence(name)}"
}
def speedup = { String workload, String mode, int workers ->
    check.result(report, workload, mode, workers).@speedup.text() as double
}

// 100 ms sleeps overlap on any number of threads: 4 threads on 2 cores run 4 of them at once.
assert evidence('io').startsWith('I/O-bound: the sequential run keeps a core busy only ')
assert speedup('io', 'threads', 4) >= 3.5: "io threads ×4: ${speedup('io', 'threads', 4)}×"

// 50 ms of computing per task: two threads on two cores, about 1.67× even with a third of a core taken.
assert evidence('cpu').startsWith('CPU-bound: the sequential run computes ')
assert speedup('cpu', 'threads', 2) >= 1.5: "cpu threads ×2: ${speedup('cpu', 'threads', 2)}×"

// One lock for every millisecond of work: threads serialise on it, each pool worker has its own.
assert evidence('lock').startsWith('Lock-bound: the work computes ')
double lockThreads = speedup('lock', 'threads', 2)
double lockPool = speedup('lock', 'pool', 2)
assert lockThreads < 1.3: "lock threads ×2: ${lockThreads}×"
assert lockPool >= 1.4: "lock pool ×2: ${lockPool}×"
assert evidence('lock').contains(', while pool ×2 reaches '): evidence('lock')

// Allocation on a 32 MiB young generation: a shared heap collects for both threads, separate heaps
// collect side by side.
assert evidence('memory').startsWith('Memory/GC-bound: the sequential run spends ')
double memoryThreads = speedup('memory', 'threads', 2)
double memoryPool = speedup('memory', 'pool', 2)
assert memoryPool > memoryThreads: "memory pool ×2 ${memoryPool}× against threads ×2 ${memoryThreads}×"
def sequential = check.result(report, 'memory', 'sequential', 1)
double gcShare = (sequential.@gcMs.text() as double) / (sequential.@medianMs.text() as double)
assert gcShare > 0.2: "memory: sequential spent ${gcShare * 100}% of its time collecting"

// What the test saw, for the log of a CI run.
println report.workload.collect { w ->
    "${w.@name.text()}: ${w.diagnosis.@verdict.text()} (" + w.result.collect {
        "${it.@mode.text()} ×${it.@workers.text()} ${it.@speedup.text()}× n=${it.sample.size()} retries=${it.@retries.text()}"
    }.join(', ') + ')'
}.join('\n')
return true
