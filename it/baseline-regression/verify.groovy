def log = new File(basedir, 'build.log').text
assert log.contains('No baseline at '): 'the first run says there is nothing to compare with'
assert log.contains('Baseline updated: ')
assert log =~ /Regression for workload naps, mode sequential ×1: median time 5\d\d\.\d\d ms against 4\d\d\.\d\d ms in the baseline \(\+\d\d\.\d%, p = 0\.0\d\d\): beyond maxRegression 10\.00%, significant at 0\.05( after Holm's correction for [23] comparisons \(adjusted p = 0\.0\d\d\))?/
def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
def time = xml.checks.check.find { it.@metric.text() == 'time' && it.@mode.text() == 'sequential' }
assert time.@status.text() == 'fail'
assert (time.@deltaPercent.text() as double) > 30 && (time.@pValue.text() as double) < 0.05
// The failed run did not replace the baseline: it still holds size 100.
def baseline = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'baseline/speedup.xml'))
assert baseline.workload.@size.text() == '100'
return true
