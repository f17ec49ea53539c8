def log = new File(basedir, 'build.log').text
assert log =~ /Rule violated for workload naps, mode threads ×2: speedup is \d\.\d\d, but expected minimum is 50\.00/
// The reports were written before the build failed, with the failed check in them.
def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'false'
def failed = xml.checks.check.findAll { it.@status.text() == 'fail' }
assert failed.size() == 1 && failed[0].@metric.text() == 'speedup' && failed[0].@limit.text() == '50.000'
assert new File(basedir, 'target/site/speedup/index.html').text.contains('1 failed')
// The same failure in the CI's test tab: TEST-speedup.xml read with Surefire's own JUnit XML reader.
def junit = new File(basedir, 'target/speedup-reports/TEST-speedup.xml')
def parser = new org.apache.maven.plugins.surefire.report.TestSuiteXmlParser(
        new org.apache.maven.plugin.surefire.log.api.NullConsoleLogger())
def suites = parser.parse(junit.path)
assert parser.valid && suites.size() == 1 && suites[0].fullClassName == 'naps'
def cases = suites[0].testCases
assert cases*.name == ['rule threads ×2 speedup ≥ 50.00']
assert cases[0].hasFailure() && cases[0].failureMessage ==~ /Rule violated for workload naps, mode threads ×2: speedup is \d\.\d\d, but expected minimum is 50\.00.*/
def suite = new groovy.xml.XmlSlurper().parse(junit)
assert suite.name() == 'testsuite' && suite.@name.text() == 'rule-fails'
assert suite.@tests.text() == '1' && suite.@failures.text() == '1' && suite.@skipped.text() == '0'
assert log.contains('Speedup checks as JUnit XML: ')
return true
