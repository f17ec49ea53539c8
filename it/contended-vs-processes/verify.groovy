def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

double threads = check.result(report, 'gil', 'threads', 2).@speedup.text() as double
double processes = check.result(report, 'gil', 'processes', 2).@speedup.text() as double
assert threads < 1.3: "threads serialise on the global lock, yet sped up $threads×"
assert processes > threads: "separate processes have separate locks: processes $processes×, threads $threads×"
return true
