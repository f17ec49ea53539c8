def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
expect 'The cluster mode needs com.hazelcast:hazelcast:jar:5.6.0 (parameter hazelcastVersion), which could not be ' +
        'resolved from local.central (file:'
expect '; Maven is offline, so it must already be in the local repository ' + localRepositoryPath + ': '
expect 'in offline mode and the artifact com.hazelcast:hazelcast:jar:5.6.0 has not been downloaded from it before'
assert !new File(basedir, 'target/site/speedup/speedup.xml').exists(): 'nothing is measured without Hazelcast'
assert !new File(localRepositoryPath, 'com/hazelcast/hazelcast/5.6.0/hazelcast-5.6.0.jar').exists(): 'offline: nothing was fetched'
return true
