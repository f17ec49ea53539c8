def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'

// Each task started "sleep 3017017" and left it, and put "sleep 3017018" in the background through a
// shell: in the measurement JVM, the workers and the pool. None of them outlives the build (a killed
// process may take a moment to be reaped).
def helpers = { String seconds ->
    ProcessHandle.allProcesses().filter { p ->
        p.isAlive() && p.info().command().orElse('').endsWith('sleep') &&
                p.info().arguments().map { it as List }.orElse([]) == [seconds]
    }.toList()
}
for (seconds in ['3017017', '3017018']) {
    def left = helpers(seconds)
    for (int i = 0; i < 50 && !left.isEmpty(); i++) {
        Thread.sleep(100)
        left = helpers(seconds)
    }
    left.each { it.destroyForcibly() }
    assert left.isEmpty(): "${left.size()} helpers (sleep ${seconds}) outlived the build"
}

// The ones in the background were found by the run's cookie and named in a warning: every task of
// every iteration (2 tasks, 4 modes, 2 iterations at least) left one, and nothing else was found.
def log = new File(basedir, 'build.log').text
def warning = log.readLines().find { it.contains('outlived their JVMs') }
assert warning != null: 'no warning about the helpers left in the background'
def matcher = warning =~ /^\[WARNING\] (\d+) processes that the workloads started outlived their JVMs and were ended with SIGTERM: (.*)\. A task that starts a server or daemon should stop it: what it leaves running competes with the measurements that follow$/
assert matcher.matches(): warning
assert (matcher.group(1) as int) >= 16: warning
def named = matcher.group(2).replaceAll(/ and \d+ more$/, '').split(', ')
assert named.size() == 10: warning
assert named.every { it ==~ /sleep 3017018 \(pid \d+\)/ }: warning
return true
