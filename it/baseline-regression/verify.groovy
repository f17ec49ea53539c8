def log = new File(basedir, 'build.log').text
assert log.contains('No baseline at '): 'the first run says there is nothing to compare with'
assert log.contains('Baseline updated: ')
assert log =~ /Regression for workload naps, mode sequential ×1: median time 2[5-9]\d\.\d\d ms against 2[0-4]\d\.\d\d ms in the baseline \(\+\d\d\.\d%, p = 0\.0\d\d\): beyond maxRegression 10\.00%, significant at 0\.05( after Holm's correction for [23] comparisons \(adjusted p = 0\.0\d\d\))?/
def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
def time = xml.checks.check.find { it.@metric.text() == 'time' && it.@mode.text() == 'sequential' }
assert time.@status.text() == 'fail'
assert (time.@deltaPercent.text() as double) > 30 && (time.@pValue.text() as double) < 0.05
// The failure was measured again in the same build before it failed it (confirmFailures, on by default),
// and the second measurement, 40% slower too, agreed: both are in the report, the log and the page.
assert log =~ /Measuring again before failing the build \(confirmFailures\): \d comparisons? would fail: workload naps, mode sequential ×1 \(baseline\)/
assert log =~ /Measured again: (\d) of \1 confirmed/
def second = time.confirmation
assert second.size() == 1: 'the check holds its second measurement'
assert second.@status.text() == 'fail' && second.@type.text() == 'baseline' && second.@mode.text() == 'sequential'
assert (second.@deltaPercent.text() as double) > 30 && (second.@pValue.text() as double) < 0.05
assert second.@value.text() != time.@value.text(): 'a second measurement, not the first one again'
assert time.@message.text().startsWith('Regression for workload naps, mode sequential ×1: ')
assert time.@message.text().contains('. Confirmed by a second measurement: Regression for workload naps, mode sequential ×1: ')
assert log.contains(time.@message.text())
// Each measurement states the smallest change it would have seen.
assert (time.@detectablePercent.text() as double) > 0 && (second.@detectablePercent.text() as double) > 0
def page = new File(basedir, 'target/site/speedup/index.html').text
assert page.contains('Confirmed by a second measurement: Regression for workload naps, mode sequential ×1')
// The failed run did not replace the baseline: it still holds size 50.
def baseline = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'baseline/speedup.xml'))
assert baseline.workload.@size.text() == '50'
return true
