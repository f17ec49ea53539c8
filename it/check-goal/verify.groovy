def log = new File(basedir, 'build.log').text
def violation = ~/Rule violated for workload naps, mode threads ×2: speedup is \d\.\d\d, but expected minimum is 40\.00/
assert log =~ violation
assert log.contains('(haltOnFailure is false: the build goes on)')
assert log.contains('Checked ' + new File(basedir, 'target/site/speedup/speedup.xml').absolutePath)
assert log.findAll('BUILD FAILURE').size() == 3
// check takes the history parameters run takes, and names the speedup.* properties it ignores
assert log.contains('No history on testbed ')
assert log.contains('[WARNING] The user property speedup.iteratons is not a parameter of speedup:check and is ignored. '
        + 'Closest: ')
assert log.contains('[WARNING] The user property speedup.iterations is read by speedup:run, not by speedup:check, '
        + 'which ignores it.')
assert log.contains('Cannot read the speedup report ' + new File(basedir, 'target/none.xml').absolutePath
        + ': the file does not exist (parameter reportFile; run speedup:run first)')
// a misspelled parameter in the POM is named by each check, never by run (whose execution does not hold it)
assert log.count('[WARNING] The parameter <haltOnFalure> in the POM\'s <configuration> is not a parameter of '
        + 'speedup:check nor of any other goal of the plugin, and is ignored. Closest: <haltOnFailure>, ') == 4
// check measured nothing: only the first build has progress lines
assert log.findAll('naps · sequential ×1 · median known to ±').size() == 1
// run and every check that judged wrote the checks as JUnit XML; the last is the failing rule's
def junit = new File(basedir, 'target/speedup-reports/TEST-speedup.xml')
assert log.count('Speedup checks as JUnit XML: ' + junit.absolutePath) == 4
def suites = new org.apache.maven.plugins.surefire.report.TestSuiteXmlParser(
        new org.apache.maven.plugin.surefire.log.api.NullConsoleLogger()).parse(junit.path)
def failed = suites*.testCases.flatten().findAll { it.hasFailure() }
assert failed*.name == ['rule threads ×2 speedup ≥ 40.00'] && failed[0].fullClassName == 'naps'
assert failed[0].failureMessage =~ violation
return true
