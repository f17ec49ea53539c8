def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
def env = report.environment
assert env.@jvmVersion.text().startsWith('25'): "workloads ran on ${env.@jvmVersion}"
assert env.@javaExecutable.text() == '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'
assert env.@mavenJavaVersion.text() == System.getProperty('java.version'): 'Maven itself ran on its own JDK'

// On 25 the virtual mode is measured, not skipped: 4 sleeps of 50 ms, 2 in flight.
def virtual = check.result(report, 'naps', 'virtual', 2)
assert virtual.@skipped.text() == ''
assert virtual.sample.size() == 3
double speedup = virtual.@speedup.text() as double
assert speedup > 1.6 && speedup < 2.3: "virtual ×2 speedup $speedup"
assert new File(basedir, 'build.log').text.contains('Workloads run on the JDK toolchain')
return true
