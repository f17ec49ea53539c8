// Issue 29: two modules, one history folder, one workload name; each is compared with its own runs only.
def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def log = new File(basedir, 'build.log').text
def testbed = new File(basedir, 'shared-history/it')
def xmlFiles = { File folder -> (folder.listFiles() ?: []).findAll { it.name.endsWith('.xml') }.sort() }
def slurper = { new groovy.xml.XmlSlurper(false, false, false) }

// Two runs per module, each in its module's own folder, none beside them in the testbed's folder.
assert xmlFiles(testbed).isEmpty(): "runs kept outside a project's folder: ${xmlFiles(testbed)}"
def sizes = [m1: '25', m2: '100']
sizes.each { module, size ->
    def runs = xmlFiles(new File(testbed, "io.github.speedup.it/$module"))
    assert runs.size() == 2: "$module keeps ${runs.size()} runs: $runs"
    runs.each { assert slurper().parse(it).workload.@size.text() == size: "$it is not a run of $module" }
    assert log.count("Run added to the history of io.github.speedup.it:$module on testbed it: ") == 2
}

// The first build started both histories (the folder was empty); neither module was compared with the other.
assert log.count('No history on testbed it yet (') == 2: 'each module starts its own history in the first build'
assert !log.contains('Regression for workload naps'): 'a module was compared with the other'
assert !log.contains('BUILD FAILURE')

// The second build compared each module with its own first run: m2's naps, four times m1's, passed.
for (module in ['m1', 'm2']) {
    def report = check.load(new File(basedir, module), localRepositoryPath, projectVersion)
    def checks = report.checks.check.findAll { it.@type.text() == 'history' }
    assert checks.size() == 3: "$module: time of sequential and threads, speedup of threads: ${checks*.@message}"
    checks.each {
        assert it.@status.text() in ['pass', 'improved']: "$module: ${it.@message.text()}"
        assert it.@message.text().contains('against the last run on testbed it'): it.@message.text()
    }
    // The trend holds the module's own two runs, whose sequential medians are its own sleeps (2 × size ms).
    def runs = report.history.run
    assert runs.size() == 2: "$module's trend has ${runs.size()} runs"
    double expected = 2 * (sizes[module] as double)
    runs.each { run ->
        def point = run.point.find { it.@workload.text() == 'naps' && it.@mode.text() == 'sequential' }
        double median = point.@medianMs.text() as double
        assert median >= expected && median < expected * 1.5: "$module's trend holds a run of median $median ms"
    }
}
return true
