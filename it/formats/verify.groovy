import groovy.json.JsonSlurper

def dir = new File(basedir, 'target/site/speedup')
def name = 'naps | `quoted` "x"'
['index.html', 'speedup.xml', 'speedup-bmf.json', 'speedup-gab-times.json', 'speedup-gab-speedups.json',
 'speedup.md'].each { assert new File(dir, it).isFile(): "no $it" }

def bmf = new JsonSlurper().parse(new File(dir, 'speedup-bmf.json'))
assert bmf.keySet() == ["$name/sequential/1", "$name/threads/2"] as Set
assert bmf["$name/threads/2"].latency.value > 40_000_000: 'two sleeps of 20 ms, in nanoseconds'
assert bmf["$name/threads/2"].speedup.value > 1.2

def times = new JsonSlurper().parse(new File(dir, 'speedup-gab-times.json'))
assert times*.name == ["$name/sequential/1", "$name/threads/2"]
assert times.every { it.unit == 'ms' && it.value > 0 && it.extra.contains('fingerprint ') }
def speedups = new JsonSlurper().parse(new File(dir, 'speedup-gab-speedups.json'))
assert speedups*.name == ["$name/threads/2"] && speedups[0].unit == 'x'

def md = new File(dir, 'speedup.md').text
assert md.startsWith('## Speedup report')
assert md.contains('| naps \\| \\`quoted\\` \\"x\\" | threads ×2 |'): md
assert md.contains('**Checks:** all 1 passed')
def summary = new File(basedir, 'step-summary.md')
assert summary.isFile() && summary.text == md: 'the job summary received the same Markdown'

// Eclipse (m2e) finds in the installed jar that it must not run the goals.
def jar = new java.util.jar.JarFile(new File(localRepositoryPath,
        "io/github/speedup/speedup-maven-plugin/$projectVersion/speedup-maven-plugin-${projectVersion}.jar"))
def m2e = jar.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
assert m2e != null
assert jar.getInputStream(m2e).text.contains('<goal>run</goal>')
return true
