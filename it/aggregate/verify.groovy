import org.jsoup.Jsoup

def dir = new File(basedir, 'report/target/site/speedup-aggregate')
def page = Jsoup.parse(new File(dir, 'index.html'), 'UTF-8')
def rows = page.select('table.aggregate tbody tr')
assert rows.size() == 4: rows.outerHtml()
def measured = rows.subList(0, 3)
assert measured*.select('td')*.get(1)*.text() == ['naps-a & <co>', 'naps-b & <co>', 'naps-c & <co>']
def links = measured*.selectFirst('a')*.attr('href')
// Three fixed iterations under -T 2, beside the other modules' builds: a module whose iterations the
// machine disturbed says so (a flagged result, the reading "mixed") instead of naming a best mode.
def flagged = { String href ->
    def module = new groovy.xml.XmlSlurper(false, false, false).parse(
            new File(new File(dir, href).canonicalFile.parentFile, 'speedup.xml'))
    module.workload.result.any { it.@unstable.text() == 'true' || it.@contaminated.text() == 'true' } &&
            module.workload.diagnosis.@verdict.text() == 'mixed'
}
[measured, links].transpose().each { row, href ->
    assert row.select('td').get(2).text() == 'threads ×2' ||
            (row.select('td').get(2).text() == 'not measured' && flagged(href)): row.outerHtml()
}
assert links == ['../../../../a/target/site/speedup/index.html', '../../../../b/target/speedup-elsewhere/index.html',
                 '../../../../c/target/speedup-by-property/index.html']: links
links.each { assert new File(dir, it).canonicalFile.isFile(): "the link $it leads to the module's page" }
assert page.select('script').isEmpty()

// The module that does not measure is listed with where it was looked for and why nothing is there, and the log warns.
def missing = "no speedup report at ${new File(basedir, 'd/target/site/speedup/speedup.xml').canonicalPath} (the default " +
        '${project.reporting.outputDirectory}/speedup): speedup:run is not bound in that module: add an execution with ' +
        'the goal run to its speedup plugin, or name speedup:run on the command line'
assert rows.get(3).select('td').get(0).text() == 'io.github.speedup.it:d'
assert rows.get(3).select('td').get(1).text() == missing
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Module io.github.speedup.it:d is not in the aggregate: ' + missing): 'the log warns about d'
assert !log.contains('io.github.speedup.it:c is not in the aggregate')

def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(dir, 'speedup-aggregate.xml'))
assert xml.module*.@id*.text() == ['io.github.speedup.it:a', 'io.github.speedup.it:b', 'io.github.speedup.it:c',
                                   'io.github.speedup.it:d']
assert xml.module.workload.every {
    (it.@bestMode.text() == 'threads' && (it.@speedup.text() as double) > 1.5) || it.@reading.text() == 'mixed'
}
assert xml.module.workload.count { it.@bestMode.text() == 'threads' } ==
        measured.count { it.select('td').get(2).text() == 'threads ×2' }: 'the page and the XML agree'
assert xml.module.find { it.@id.text() == 'io.github.speedup.it:d' }.@missing.text() == missing
assert log.contains('Speedup aggregate report: ')
return true
