def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'

// Each task started "sleep 3017017" and left it: in the measurement JVM, the workers and the pool.
// None of them outlives the build (a killed process may take a moment to be reaped).
def helpers = {
    ProcessHandle.allProcesses().filter { p ->
        p.isAlive() && p.info().command().orElse('').endsWith('sleep') &&
                p.info().arguments().map { it as List }.orElse([]) == ['3017017']
    }.toList()
}
def left = helpers()
for (int i = 0; i < 50 && !left.isEmpty(); i++) {
    Thread.sleep(100)
    left = helpers()
}
left.each { it.destroyForcibly() }
assert left.isEmpty(): "${left.size()} helpers outlived the build"
return true
