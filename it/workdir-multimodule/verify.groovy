// Built from the parent folder: the module's children ran in the module's folder (its name holds a
// space, an apostrophe and a non-ASCII letter), found the fixture relatively in every mode, and
// received the argLine over several lines and the two-line property as written (the workload
// throws otherwise, and the build fails).
def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def module = new File(basedir, "bench module's ü")
def report = check.load(module, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
assert report.settings.@workingDirectory.text() == module.canonicalPath: report.settings.@workingDirectory.text()
for (mode in ['sequential', 'processes', 'pool']) {
    int workers = mode == 'sequential' ? 1 : 2
    assert check.result(report, 'parse-fixture', mode, workers).sample.size() == 2: mode
}
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('cannot read the fixture')
def meta = org.jsoup.Jsoup.parse(new File(module, 'target/site/speedup/index.html'), 'UTF-8').selectFirst('p.meta').text()
assert meta.contains("child JVMs ran in ${module.canonicalPath}"): meta
return true
