def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

def gil = report.workload.find { it.@name.text() == 'gil' }
def pool = check.result(report, 'gil', 'pool', 2)
assert (pool.@poolStartupMs.text() as double) > 0 && pool.@ipcMs.text() != '': 'the pool reports its start-up and IPC'
assert pool.sample.every { it.@startupMs.text() == '' }: 'start-up is paid once, not in the iterations'

def reading = gil.diagnosis.evidence.text()
// A global lock is physics that holds on a busy machine too (maxForeignLoad 1.0 in the POM believes up to
// a core of other work rather than retaking every iteration beside it): the figures are demanded always.
double threads = check.result(report, 'gil', 'threads', 2).@speedup.text() as double
double processes = check.result(report, 'gil', 'processes', 2).@speedup.text() as double
double pooled = pool.@speedup.text() as double
assert threads < 1.3: "threads serialise on the global lock, yet sped up $threads×"
assert processes > threads: "separate processes have separate locks: processes $processes×, threads $threads×"
assert pooled >= 1.6: "a warm pool of 2 JVMs has 2 locks and no start-up in its iterations, yet reached $pooled×"
assert reading.contains('A warm pool of 2 JVMs reaches '): reading
return true
