def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
def log = new File(basedir, 'build.log').text
def selfCheck = { name -> report.workload.find { it.@name.text() == name }.selfCheck }

def biased = selfCheck('biased')
assert biased.@harnessBias.text() == 'true': "the biased fixture was not flagged: ${biased.@threadsOneOverSequential}"
assert (biased.@threadsOneOverSequential.text() as double) < 0.97
assert biased.finding[0].text().startsWith('Harness bias: threads ×1 takes 0.')
assert log.contains('Self-check, workload biased: Harness bias: threads ×1 takes')

def compute = selfCheck('compute')
assert compute.@harnessBias.text() == 'false': "cpu work flagged: ${compute.finding[0].text()}"
assert !log.contains('Self-check, workload compute')

def page = new File(basedir, 'target/site/speedup/index.html').text
assert page.contains('<div class="warning self-check"><strong>Self-check:</strong><ul><li>Harness bias: threads ×1 takes')
return true
