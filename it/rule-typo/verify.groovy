def log = new File(basedir, 'build.log').text
assert log.contains('The rule 1 (workload napz, mode *, workers any) matches no result, so it checks nothing (a typo?). Workloads: naps;')
assert new File(basedir, 'target/site/speedup/speedup.xml').isFile(): 'what was measured is still written'
return true
