def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def log = new File(basedir, 'build.log').text
def history = new File(basedir, '.speedup')
// Kept per testbed and project (groupId/artifactId)
def runs = { String testbed -> new File(history, "$testbed/io.github.speedup.it/history").listFiles()
        .findAll { it.name.endsWith('.xml') }.sort() }

// Testbed a: three runs, the slowed one, the last one; testbed b: its own single run.
assert runs('a').size() == 5: runs('a')
assert runs('b').size() == 1: runs('b')
assert log.contains('[INFO] No history on testbed a yet ('): 'the first run says it starts the history, at INFO'
assert !log.contains('[WARNING] No history'): 'a history that starts is no warning'
assert log.contains('No history on testbed b yet ('): 'testbed b compares nothing and starts its own'
assert log.contains('Run added to the history of io.github.speedup.it:history on testbed a: ' + runs('a')[0].absolutePath)

// The second and third runs of a: too few earlier runs (minBaselineRuns 3), so not compared yet, at INFO.
assert log.contains('[INFO] not-compared: Not compared yet with the history for workload naps, mode sequential ×1: '
        + 'testbed a holds 1 of 3 runs (minBaselineRuns) of it')
assert log.contains('[INFO] Speedup checks of workload naps: 2 not compared (1 of 3 runs so far)')
assert log.contains('[INFO] Speedup checks of workload naps: 2 not compared (2 of 3 runs so far)')
assert !log.contains('[WARNING] Inconclusive for'): 'no check has a warning of its own'

// The slowed run failed against the three earlier runs of a, and said which.
assert log =~ /Regression for workload naps, mode sequential ×1: median time 2[5-9]\d\.\d\d ms against the last 3 runs on testbed a, median 2\d\d\.\d\d ms, run-to-run spread ±\d+\.\d%, bound \d+\.\d% \(\+\d\d\.\d%, p = 0\.\d\d\d\): beyond maxRegression 10\.00%, significant at 0\.05 after Holm's correction for 3 comparisons \(adjusted p = 0\.\d\d\d\) and outside the run-to-run bound/
def slowed = new groovy.xml.XmlSlurper(false, false, false).parse(runs('a')[3])
assert slowed.workload.@size.text() == '65'
assert slowed.checks.@passed.text() == 'false': 'the stored run keeps its failed checks'
// It failed twice: the slowed result was measured again in the same build and the second measurement agreed.
def slowedTime = slowed.checks.check.find { it.@type.text() == 'history' && it.@metric.text() == 'time' &&
        it.@mode.text() == 'sequential' }
assert slowedTime.@status.text() == 'fail' && slowedTime.confirmation.@status.text() == 'fail'
assert slowedTime.@message.text().contains('. Confirmed by a second measurement: Regression for workload naps, '
        + 'mode sequential ×1: median time ')

// The last run passed: the failed run is no baseline, so it compared with the first three again.
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@testbed.text() == 'a'
def checks = report.checks.check.findAll { it.@type.text() == 'history' }
assert checks.size() == 3: 'time of sequential and threads, speedup of threads'
checks.each { assert it.@status.text() == 'pass': it.@message.text() }
assert checks.every { it.@message.text().contains('against the last 3 runs on testbed a') }

// The trend: five runs of a, the current one last, the three it compared with marked.
def trend = report.history
assert trend.@testbed.text() == 'a'
assert trend.run.size() == 5
assert trend.run[4].@current.text() == 'true'
assert trend.run.findAll { it.@baseline.text() == 'true' }*.@created*.text() == trend.run[0..2]*.@created*.text()

def page = org.jsoup.Jsoup.parse(new File(basedir, 'target/site/speedup/index.html'), 'UTF-8')
def chart = page.selectFirst('section#history svg.trend-chart.time')
assert chart != null: 'the page has a trend chart'
assert chart.select('g.series[data-mode=sequential] .marker').size() == 5: 'one point per stored run'
assert page.selectFirst('section#history h2').text() == 'History on testbed a'
return true
