def log = new File(basedir, 'build.log').text

def expect = { String text -> assert log.contains(text): "the log lacks: $text" }
// Checked on the project's class path before the lock is taken and before any JVM starts.
expect 'Workload ghost (parameter workloads): class com.acme.Ghost was not found on the workload class path ('
expect '/workloads/target/'
expect 'Workload plain (parameter workloads): com.acme.NotATask is neither a java.lang.Runnable nor a java.util.concurrent.Callable'
expect 'Workload instance (parameter workloads): com.acme.Bench#wrongForm cannot be a workload method: it takes (String). Accepted forms: '
expect 'or (int, byte[]) (the task index and its payload) when the workload sets payloadBytes; or a JMH @Benchmark method'
// Each round takes its modes in a random order (paired rounds), so the first to fail may be any mode.
def expectAnyMode = { String before, String after ->
    assert log =~ (java.util.regex.Pattern.quote(before) + ' mode \\S+ ×\\d, ' + java.util.regex.Pattern.quote(after)):
            "the log lacks: $before <mode> ×<w>, $after"
}
expectAnyMode 'workload broken,', 'iteration 1/2 failed: '
assert log.contains('task 0 threw java.lang.IllegalStateException: cannot parse 42')
expect 'at com.acme.Failing.parse(Failing.java:'
expectAnyMode 'workload settings,', "iteration 1/2 failed: the static initialiser of com.acme.NeedsSetting threw java.lang.IllegalStateException: no setting 'acme.mode'"
expect 'at com.acme.NeedsSetting.setting(NeedsSetting.java:'
expect 'exited with code 3 during its tasks (System.exit was called at com.acme.Exits.run(Exits.java:'
expect 'workload quitter, mode processes ×2'
expect 'did not finish its tasks within forkedProcessTimeoutInSeconds=3 s; it was killed with its descendants'
expect 'workload stuck, mode processes ×2'

// What was measured before the failure is kept, the report says it is incomplete, and the log says what it holds.
expect 'What was measured before the failure is in ' + new File(basedir, 'throws/target/site/speedup/index.html').absolutePath + ': workload fine: sequential ×1 (2 iterations), threads ×2 (2 iterations), processes ×2 (2 iterations). Not measured: workload broken.'
expect 'What was measured before the failure is in ' + new File(basedir, 'exits/target/site/speedup/index.html').absolutePath + ': workload quitter: sequential ×1 (1 iteration, incomplete). Not measured: workload quitter: processes ×2.'
expect 'Nothing was measured before the failure: ' + new File(basedir, 'static-init/target/site/speedup/index.html').absolutePath + ' holds only its reason.'
def xml = new File(basedir, 'throws/target/site/speedup/speedup.xml')
def report = new groovy.xml.XmlSlurper(false, false, false).parse(xml)
assert report.@complete.text() == 'false'
assert report.incomplete.@reason.text().contains('cannot parse 42')
assert report.workload.find { it.@name.text() == 'fine' }.result.size() == 3

// No forked JVM survives the failing builds.
def leftovers = ProcessHandle.allProcesses()
        .filter { p -> p.info().commandLine().orElse('').contains('io.github.speedup.execution.fork.ForkedMain') }
        .count()
assert leftovers == 0: "$leftovers forked JVMs outlived the build"
return true
