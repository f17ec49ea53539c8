def xml = new groovy.xml.XmlSlurper(false, false, false).parse(new File(basedir, 'target/site/speedup/speedup.xml'))
assert xml.checks.@passed.text() == 'true'
assert xml.checks.check.size() == 4      // speedup and efficiency of threads ×2, median of both results
assert xml.checks.check.every { it.@status.text() == 'pass' && it.@type.text() == 'rule' }
assert new File(basedir, 'build.log').text.contains('All 4 speedup checks passed')
return true
