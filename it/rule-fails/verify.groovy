def log = new File(basedir, 'build.log').text
assert log =~ /Rule violated for workload naps, mode threads ×2: speedup is \d\.\d\d, but expected minimum is 50\.00/
// The reports were written before the build failed, with the failed check in them.
def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'false'
def failed = xml.checks.check.findAll { it.@status.text() == 'fail' }
assert failed.size() == 1 && failed[0].@metric.text() == 'speedup' && failed[0].@limit.text() == '50.000'
assert new File(basedir, 'target/site/speedup/index.html').text.contains('1 failed')
return true
