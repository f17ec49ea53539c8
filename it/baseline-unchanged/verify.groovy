def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'true'
def baselineChecks = xml.checks.check.findAll { it.@type.text() == 'baseline' }
assert baselineChecks.size() == 3     // time of sequential and threads ×2, speedup of threads ×2
// an unchanged build never fails; a noisy result may be inconclusive, said as such
assert baselineChecks.every { it.@status.text() in ['pass', 'improved', 'inconclusive'] }
assert new File(basedir, 'target/site/speedup/index.html').text.contains('class="delta')
return true
