def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'true'
def baselineChecks = xml.checks.check.findAll { it.@type.text() == 'baseline' }
// time of sequential and threads ×2, speedup of threads ×2; a speedup whose sequential was measured on a busy
// machine is not compared at all (CI may share the machine)
def busy = xml.workload.result.any { it.@contaminationReason.text() }
assert baselineChecks.size() == 3 || (busy && baselineChecks.size() == 2)
// an unchanged build never fails; a noisy result may be inconclusive, said as such
assert baselineChecks.every { it.@status.text() in ['pass', 'improved', 'inconclusive'] }
assert new File(basedir, 'target/site/speedup/index.html').text.contains('class="delta')
return true
