def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'true'
def baselineChecks = xml.checks.check.findAll { it.@type.text() == 'baseline' }
// time of sequential and threads ×2, speedup of threads ×2; a speedup whose sequential was measured on a busy
// machine is not compared at all (CI may share the machine)
def busy = xml.workload.result.any { it.@contaminationReason.text() }
assert baselineChecks.size() == 3 || (busy && baselineChecks.size() == 2)
// an unchanged build never fails; a noisy result may be inconclusive, said as such
assert baselineChecks.every { it.@status.text() in ['pass', 'improved', 'inconclusive'] }
// "unchanged" says how sure it is: the smallest change each comparison would have seen, in the XML,
// the check's message and the page
baselineChecks.findAll { it.@status.text() == 'pass' }.each {
    def seen = it.@detectablePercent.text() as double
    assert seen > 0 && seen < 50: "detectablePercent ${it.@detectablePercent.text()}"
    assert it.@message.text().endsWith(String.format(Locale.ROOT, ' (would have seen ≥ %.1f%%)', seen)): it.@message.text()
    assert it.confirmation.size() == 0: 'nothing failed, nothing was measured again'
}
def page = new File(basedir, 'target/site/speedup/index.html').text
assert page.contains('class="delta')
assert page.contains('<span class="detectable">≥ ')
return true
