import java.time.Duration
import java.time.Instant

def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)

assert report.@schemaVersion.text() == '2'
assert report.@complete.text() == 'true'
def env = report.environment
assert (env.@logicalCores.text() as int) == Runtime.runtime.availableProcessors()
assert env.@cpuModel.text() && env.@jvmVersion.text() && env.@mavenVersion.text()

// Sampled to a precision, not a fixed count, with the default suite's budget per workload.
def settings = report.settings
assert settings.@iterations.text() == ''
assert (settings.@targetPrecision.text() as double) == 0.03
assert settings.@minIterations.text() == '6' && settings.@maxIterations.text() == '30'
assert settings.@maxTimeInSeconds.text() == '3'
assert report.workload.collect { "${it.@name.text()}=${it.@maxTimeInSeconds.text()}" } ==
        ['sleep=4', 'cpu=3', 'contended=5', 'alloc=4']
// sleep is sampled to the run's ±3%; cpu, contended and alloc to what two busy cores, the pool's dispatch
// and the collector allow.
def targets = report.workload.collectEntries { [(it.@name.text()): it.@targetPrecision.text() as double] }
assert targets == [sleep: 0.03d, cpu: 0.05d, contended: 0.10d, alloc: 0.20d]: targets

int cores = Runtime.runtime.availableProcessors()
def atCores = [cores]
def pastCores = [cores, 2 * cores]
// Per workload, per mode, the worker counts: every mode at the core count, waiting work also past it.
def expected = [sleep    : [sequential: [1], threads: pastCores, virtual: pastCores],
                cpu      : [sequential: [1], threads: atCores, virtual: atCores],
                contended: [sequential: [1], threads: atCores, virtual: atCores, pool: atCores],
                alloc    : [sequential: [1], threads: atCores, virtual: atCores, pool: atCores]]
// Every JVM of the suite runs on the same fixed heap, written into the report.
assert settings.@argLine.text() == '-Xms256m -Xmx256m -Xmn32m'
assert report.workload*.@kind*.text() == ['sleep', 'cpu', 'contended', 'alloc']
int javaFeature = (env.@jvmVersion.text() =~ /^(\d+)/)[0][1] as int
report.workload.each { w ->
    def cells = w.result.collect { "${it.@mode.text()} ×${it.@workers.text()}" }
    def wanted = expected[w.@kind.text()].collectMany { mode, workers -> workers.collect { "$mode ×$it" } }
    assert cells == wanted: "${w.@name.text()}: $cells"
    w.result.findAll { it.@skipped.text() != 'true' }.each { r ->
        String label = "${w.@name.text()} ${r.@mode.text()} ×${r.@workers.text()}"
        int n = r.sample.size()
        assert n >= 1 && n <= 30: "$label: $n samples"
        // The budget bounds the wall time: a result it cut short keeps fewer than minIterations and says so.
        assert n >= 6 || (r.@stoppedBy.text() == 'maxTime' && r.@shortOfTarget.text() == 'true'): "$label: $n samples"
        assert (r.@warmups.text() as int) in 1..3: "$label: ${r.@warmups.text()} warm-ups"
        // The precision, recomputed here: for a mode the half-width of its paired speedup interval over
        // the speedup (a mode stops on its speedup), for sequential its median interval's over the median.
        if (r.@precision.text() == '') {
            assert n < 6: "$label: no precision with $n samples"
            return
        }
        double precision = r.@mode.text() == 'sequential'
                ? ((r.@medianCiHighMs.text() as double) - (r.@medianCiLowMs.text() as double)) / 2 /
                        (r.@medianMs.text() as double)
                : ((r.@speedupCiHigh.text() as double) - (r.@speedupCiLow.text() as double)) / 2 /
                        (r.@speedup.text() as double)
        assert Math.abs(precision - (r.@precision.text() as double)) < 2e-3: "$label: precision $precision"
        double target = targets[w.@name.text()]
        if (r.@shortOfTarget.text() == 'true') {
            assert r.@stoppedBy.text() in ['maxIterations', 'maxTime']
            assert r.@shortfallReason.text().contains(String.format(Locale.ROOT, 'short of targetPrecision ±%.1f%%',
                    target * 100)): r.@shortfallReason.text()
        } else if (r.@stoppedBy.text() == 'decided') {
            // the rest of the sweep stops once its speedup's place against the deciding ones is known,
            // at whatever precision that took; sequential decides, so never stops so
            assert r.@mode.text() != 'sequential': label
        } else {
            assert r.@stoppedBy.text() == 'target': label
            assert precision <= target: "$label is not flagged, yet it is known only to ±${precision * 100}%"
        }
    }
    // Below Java 21 every virtual result is skipped for the JVM; on 21+ one is left out only as the rest
    // of the sweep past the cores, which the budget may leave not measured (seen with Maven on Java 25).
    w.result.findAll { it.@mode.text() == 'virtual' }.each {
        String label = "${w.@name.text()} virtual ×${it.@workers.text()}: ${it.@reason.text()}"
        if (javaFeature < 21) {
            assert it.@reason.text().startsWith('skipped: needs Java 21+'): label
        } else if (it.@skipped.text() == 'true') {
            assert (it.@workers.text() as int) > cores && it.@reason.text().startsWith('not measured: '): label
        }
    }
}
// The demo answers quickly: the benchmark (bench/default_suite.py) holds the tight figure; this is a loose
// bound that holds on a busy machine too: four workloads' 3 s budgets, the 60 s a run may wait in all
// for a quiet machine, and the JVMs' start-ups.
def measuring = Duration.between(Instant.parse(report.@started.text()), Instant.parse(report.@created.text()))
assert measuring.seconds <= 120: "the default suite took ${measuring.seconds} s to measure"

// Sleeping work overlaps on threads, past the core count, and is read as I/O-bound ...
def sleepWorkload = report.workload.find { it.@kind.text() == 'sleep' }
def sleepVerdict = sleepWorkload.diagnosis.@verdict.text()
def busy = { r -> r.@contaminated.text() == 'true' }
// ... the reading needs sequential and each mode at the core count; a result past the cores that was
// busy or unstable leaves the reading, which says so in one line, and the lesson is read without it.
def pastCoresFlagged = sleepWorkload.result.findAll { (it.@workers.text() as int) > cores
        && (busy(it) || it.@unstable.text() == 'true') }
if (sleepWorkload.result.any { busy(it) && (it.@workers.text() as int) <= cores }) {
    // ... unless the machine was busy while a result it needs was measured: then the report says that instead.
    assert sleepVerdict == 'contaminated'
    assert sleepWorkload.diagnosis.evidence.text().startsWith('No pattern can be read: the reading needs ')
} else {
    assert sleepVerdict == 'io-bound'
    def threadsPast = check.result(report, 'sleep', 'threads', 2 * cores)
    // Past the cores is the rest of the sweep: the budget may leave it not measured (skipped, no speedup).
    if (threadsPast.@skipped.text() != 'true' && !busy(threadsPast)) {
        assert (threadsPast.@speedup.text() as double) > cores
    }
}
if (!pastCoresFlagged.isEmpty()) {
    def leftOut = org.jsoup.Jsoup.parse(new File(basedir, 'target/site/speedup/index.html'), 'UTF-8')
            .select('#workload-sleep .diagnosis .left-out').text()
    assert leftOut.startsWith('Left out of the reading: '): leftOut
    pastCoresFlagged.each { assert leftOut.contains("${it.@mode.text()} ×${it.@workers.text()} ("): leftOut }
}
// Each kind reads as its own lesson, or as unstable (or contaminated) when this machine's noise hid it:
// never as another kind's.
def readings = [cpu: ['cpu-bound'], contended: ['lock-bound'], alloc: ['memory-bound']]
report.workload.findAll { it.@kind.text() in readings.keySet() }.each { w ->
    def verdict = w.diagnosis.@verdict.text()
    assert verdict in readings[w.@kind.text()] + ['mixed', 'contaminated']: "${w.@kind.text()} read as $verdict"
    if (verdict == 'mixed') {
        assert w.result.any { it.@unstable.text() == 'true' }: "${w.@kind.text()}: a mixed reading without an unstable result"
    }
}
report.workload.each { assert it.diagnosis.evidence.text() && it.diagnosis.recommendation.text() }
def html = new File(basedir, 'target/site/speedup/index.html').text
['sleep', 'cpu', 'contended', 'alloc'].each { assert html.contains("id=\"workload-$it\"") }
assert html.contains('Each result sampled until its speedup (sequential: its median) was known to ±3.0%')
def page = org.jsoup.Jsoup.parse(html)
assert page.selectFirst('#workload-alloc p.meta').text().contains(', within 4 s, to ±20.0%')
assert page.selectFirst('#workload-contended p.meta').text().contains(', within 5 s, to ±10.0%')
assert page.selectFirst('#workload-cpu p.meta').text().contains(', within 3 s, to ±5.0%')
// A memory-bound reading says how precisely the collector's noise let its two speedups be known.
def allocReading = report.workload.find { it.@kind.text() == 'alloc' }.diagnosis
if (allocReading.@verdict.text() == 'memory-bound') {
    assert allocReading.evidence.text() =~ /pool ×\d+ \(\d+\.\d\d× ±\d+\.\d%\) beat threads ×\d+ \(\d+\.\d\d× ±\d+\.\d%\)/
}
def log = new File(basedir, 'build.log').text
assert log.contains('[1/') && log.contains('sleep · sequential ×1 · median known to ±')
// Each workload's iterations are announced with its own target, not the run's.
assert log =~ /sleep · sequential ×1 · iteration 1 \(6 to 30, until ±3\.0%\)/
assert log =~ /cpu · sequential ×1 · iteration 1 \(6 to 30, until ±5\.0%\)/
assert log =~ /alloc · sequential ×1 · iteration 1 \(6 to 30, until ±20\.0%\)/
return true
