def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

double threads = check.result(report, 'gil', 'threads', 2).@speedup.text() as double
double processes = check.result(report, 'gil', 'processes', 2).@speedup.text() as double
assert threads < 1.3: "threads serialise on the global lock, yet sped up $threads×"
assert processes > threads: "separate processes have separate locks: processes $processes×, threads $threads×"
def pool = check.result(report, 'gil', 'pool', 2)
double pooled = pool.@speedup.text() as double
if (pool.@contaminated.text() != 'true') {
    assert pooled >= 1.6: "a warm pool of 2 JVMs has 2 locks and no start-up in its iterations, yet reached $pooled×"
}
assert (pool.@poolStartupMs.text() as double) > 0 && pool.@ipcMs.text() != '': 'the pool reports its start-up and IPC'
assert pool.sample.every { it.@startupMs.text() == '' }: 'start-up is paid once, not in the iterations'
def reading = report.workload.find { it.@name.text() == 'gil' }.diagnosis.evidence.text()
assert reading.contains('A warm pool of 2 JVMs reaches '): reading
return true
