def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def second = check.load(basedir, localRepositoryPath, projectVersion)
def first = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/first-run/speedup.xml'))

def fingerprint = first.environment.@fingerprint.text()
assert fingerprint ==~ /[0-9a-f]{16}/
assert second.environment.@fingerprint.text() == fingerprint: 'the same project on the same machine: the same fingerprint'
assert first.settings.@iterationOrder.text() == 'interleaved'
assert second.settings.@iterationOrder.text() == 'blocks'

def d = { node, String name -> node."@$name".text() as double }
for (report in [first, second]) {
    report.workload.result.each { r ->
        String where = "${r.parent().@name} ${r.@mode} ×${r.@workers}"
        assert d(r, 'medianCiLowMs') <= d(r, 'medianMs') && d(r, 'medianMs') <= d(r, 'medianCiHighMs'): where
        assert d(r, 'meanCiLowMs') <= d(r, 'meanMs') && d(r, 'meanMs') <= d(r, 'meanCiHighMs'): where
        assert d(r, 'medianCiConfidence') >= 0.95: "6 samples allow a 95% median interval: $where"
        assert d(r, 'speedupCiLow') <= d(r, 'speedupCiHigh'): where
        assert d(r, 'cv') >= 0 && r.@unstable.text() in ['true', 'false']
        assert r.sample.size() == 6
    }
}
return true
