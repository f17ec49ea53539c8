def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

def sequential = check.result(report, 'seed-demo', 'sequential', 1)
double seqMedian = sequential.@medianMs.text() as double
// Two tasks of three 100 ms steps each: 600 ms sequentially.
assert seqMedian >= 575 && seqMedian <= 700: "sequential median $seqMedian ms, expected about 600"

def threads = check.result(report, 'seed-demo', 'threads', 2)
double speedup = threads.@speedup.text() as double
assert speedup >= 1.7 && speedup <= 2.3: "threads ×2 speedup $speedup, expected about 2"
assert threads.sample.size() == 3

def processes = check.result(report, 'seed-demo', 'processes', 2)
assert (processes.@startupMs.text() as double) > 0: 'processes keep their start-up time'
assert processes.sample.every { (it.@startupMs.text() as double) > 0 }

def pool = check.result(report, 'seed-demo', 'pool', 2)
double poolMedian = pool.@medianMs.text() as double
double threadsMedian = threads.@medianMs.text() as double
assert Math.abs(poolMedian / threadsMedian - 1) <= 0.05: "pool ×2 $poolMedian ms against threads ×2 $threadsMedian ms"

def log = new File(basedir, 'build.log').text
assert log.contains('[2/5] seed-demo · threads ×2 · iteration 3/3')
assert log.contains('Workload seed-demo (seed-demo, 2 tasks, size 100): best threads ×2')
assert log.contains('Speedup report: ')
return true
