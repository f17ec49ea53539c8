def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
def flags = report.environment.@jvmFlags.text()
assert flags.contains('-javaagent:') && flags.contains('org.jacoco.agent'): flags
assert flags.endsWith('-Dspeedup.it.flag=from-argLine'): flags
assert !flags.contains('@{'): 'late replacement happened'
for (mode in ['threads', 'processes']) {
    assert check.result(report, 'flags', mode, 2).sample.size() == 2
}
// The agent in the children wrote coverage when they exited.
def exec = new File(basedir, 'target/jacoco.exec')
assert exec.isFile() && exec.length() > 0: 'the child JVMs ran with the JaCoCo agent'
return true
