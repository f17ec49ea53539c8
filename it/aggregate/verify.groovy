import org.jsoup.Jsoup

def dir = new File(basedir, 'report/target/site/speedup-aggregate')
def page = Jsoup.parse(new File(dir, 'index.html'), 'UTF-8')
def rows = page.select('table.aggregate tbody tr')
assert rows.size() == 2: rows.outerHtml()
assert rows*.select('td')*.get(1)*.text() == ['naps-a & <co>', 'naps-b & <co>']
assert rows.every { it.select('td').get(2).text() == 'threads ×2' }
def links = rows*.selectFirst('a')*.attr('href')
assert links == ['../../../../a/target/site/speedup/index.html', '../../../../b/target/speedup-elsewhere/index.html']: links
links.each { assert new File(dir, it).canonicalFile.isFile(): "the link $it leads to the module's page" }
assert page.select('script').isEmpty()

def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(dir, 'speedup-aggregate.xml'))
assert xml.module*.@id*.text() == ['io.github.speedup.it:a', 'io.github.speedup.it:b']
assert xml.module.workload.every { it.@bestMode.text() == 'threads' && (it.@speedup.text() as double) > 1.5 }
assert new File(basedir, 'build.log').text.contains('Speedup aggregate report: ')
return true
