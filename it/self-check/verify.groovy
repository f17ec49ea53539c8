def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
def log = new File(basedir, 'build.log').text
def selfCheck = { name -> report.workload.find { it.@name.text() == name }.selfCheck }

// On a machine other work keeps busy (CI beside a developer's session), the iterations may scatter
// so much that the medians' intervals overlap: the harness then cannot tell a bias from noise, and
// must say the results are unstable (or contaminated) rather than conclude either way.
def noisy = { name -> ['sequential', 'threads'].any { mode ->
    def r = check.result(report, name, mode, 1)
    r.@unstable.text() == 'true' || r.@contaminated.text() == 'true'
} }

def biased = selfCheck('biased')
if (biased.@harnessBias.text() == 'true' || !noisy('biased')) {
    assert biased.@harnessBias.text() == 'true': "the biased fixture was not flagged: ${biased.@threadsOneOverSequential}"
    assert (biased.@threadsOneOverSequential.text() as double) < 0.97
    assert biased.finding[0].text().startsWith('Harness bias: threads ×1 reads a speedup of ')
    assert log.contains('Self-check, workload biased: Harness bias: threads ×1 reads a speedup of')
    def item = org.jsoup.Jsoup.parse(new File(basedir, 'target/site/speedup/index.html'), 'UTF-8')
            .selectFirst('#workload-biased li.self-check')
    assert item.selectFirst('strong').text() == 'Self-check:'
    assert item.text().startsWith("Self-check: the harness's check on itself Harness bias: threads ×1 reads a speedup of"): item.text()
} else {
    assert log.contains('Unstable: workload biased') || log.contains('contaminated'): 'noise must be said'
}

def compute = selfCheck('compute')
if (!noisy('compute')) {
    assert compute.@harnessBias.text() == 'false': "cpu work flagged: ${compute.finding[0].text()}"
    assert !log.contains('Self-check, workload compute: Harness bias')
}
return true
