import org.jsoup.Jsoup

def reports = new File(basedir, 'target/site/project-reports.html')
assert reports.isFile(): 'the site has a Project Reports page'
def link = Jsoup.parse(reports, 'UTF-8').select('a').find { it.text() == 'Speedup' }
assert link != null: 'Speedup is listed under Project Reports'
assert link.attr('href') == 'speedup/index.html'

def page = Jsoup.parse(new File(basedir, 'target/site/speedup/index.html'), 'UTF-8')
def section = page.select('section.workload').first()
assert section.select('h2').text() == 'naps & "waits" <io>': 'the hostile name reads back as written'
assert section.select('table.results tbody tr').size() == 9   // sequential; threads, virtual, processes, pool ×1 ×2
assert section.select('svg.speedup-chart').size() == 1
assert page.select('script').isEmpty()
assert new File(basedir, 'build.log').text.contains('Speedup site report: ')
return true
