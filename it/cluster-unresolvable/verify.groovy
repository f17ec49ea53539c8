def log = new File(basedir, 'build.log').text
assert log.contains('The cluster mode needs com.hazelcast:hazelcast:jar:0.0.0-no-such-version (parameter '
        + 'hazelcastVersion), which could not be resolved from local.central (file:'): log
assert !new File(basedir, 'target/site/speedup/speedup.xml').exists(): 'nothing is measured without Hazelcast'
return true
