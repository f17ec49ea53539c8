def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
for (name in ['native-progress', 'inherit-io']) {
    assert check.result(report, name, 'sequential', 1).sample.size() == 2
    for (mode in ['threads', 'processes', 'pool']) {
        assert check.result(report, name, mode, 2).sample.size() == 2: "$name $mode"
    }
}

// What the tasks wrote to file descriptor 1 reached the log, glued as they wrote it; no child broke
// the protocol or waited out forkedProcessTimeoutInSeconds.
// The invoker's build.log breaks lines at each '\r' the tasks wrote.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n').replace('\r', '\n')
assert log.contains('[measurement JVM] \nprogress 50%\nprogress 100% ('): 'native progress forwarded'
assert log =~ /partial(partial)*\n/: 'printf output forwarded'
assert log =~ /\[worker JVM [12] of 2 \(inherit-io\)\] partial/
assert log =~ /\[pool worker JVM [12] of 2 \(native-progress\)\] \nprogress 50%/
assert !log.contains('broke the protocol')
assert !log.contains('forkedProcessTimeoutInSeconds')
return true
