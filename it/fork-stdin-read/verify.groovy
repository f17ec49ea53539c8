def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
assert check.result(report, 'reads-stdin', 'sequential', 1).sample.size() == 2
for (mode in ['threads', 'processes', 'pool']) {
    assert check.result(report, 'reads-stdin', mode, 2).sample.size() == 2: mode
}
// Every read of System.in met its end at once: no iteration, in any mode, took a second.
report.workload.result.sample.each { sample ->
    assert (sample.@wallMs.text() as double) < 1000: "an iteration of ${sample.@wallMs.text()} ms waited for input"
}
return true
