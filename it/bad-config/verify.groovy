def log = new File(basedir, 'build.log').text
assert log.contains("Invalid value for parameter 'workloads/workload[render]/kind': 'gpu'. Allowed: sleep, cpu, contended, alloc, seed-demo.")
assert !new File(basedir, 'target/site/speedup/speedup.xml').exists(): 'nothing is measured with a bad configuration'
return true
