def check = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/ReportCheck.groovy'))
def report = check.load(basedir, localRepositoryPath, projectVersion)
assert report.@complete.text() == 'true'
def log = new File(basedir, 'build.log').text

def workload = { name -> report.workload.find { it.@name.text() == name } }
// perTaskMs has six significant figures, medianMs three decimals.
def close = { double a, double b -> Math.abs(a - b) <= 0.0005 + 1e-5 * b }

for (name in ['sha256', 'jmh-micro']) {
    def w = workload(name)
    int batch = w.@batch.text() as int
    int tasks = w.@tasks.text() as int
    assert batch > 1: "$name: one run of its tasks is too short to time, so each runs several times per iteration"
    assert log.contains("$name · one run of its $tasks tasks takes "): 'the log says what was timed'
    assert log.contains("too short to time: each task runs $batch times per iteration (batchSize)")
    assert log.contains("each run $batch times per iteration)"): 'the summary names the factor'
    assert w.tooShort.size() == 0: "$name: batched iterations are long enough to time"
    def sequential = check.result(report, name, 'sequential', 1)
    // Calibration aims at 50 ms at the fastest run it saw; an iteration of half that is still timed.
    assert (sequential.@medianMs.text() as double) >= 25: "$name: sequential's iteration ${sequential.@medianMs}"
    for (def r in w.result.findAll { it.@skipped.text() != 'true' }) {
        double median = r.@medianMs.text() as double
        double perTask = r.@perTaskMs.text() as double
        assert close(perTask * tasks * batch, median): "$name ${r.@mode} per task: $perTask × $tasks × $batch ≠ $median"
    }
    // Every mode runs the same batched work: two workers share what sequential did alone. Unbatched
    // tasks in the workers would take a batch-th of that.
    for (mode in ['processes', 'pool']) {
        def r = w.result.find { it.@mode.text() == mode }
        if (r.size() == 0 || r.@skipped.text() == 'true') {
            // absent, or not measured: the budget goes to the results that decide the reading first
            continue
        }
        // The time beside the start-up (processes start JVMs every iteration), the median of the samples.
        def computes = r.sample.collect { s ->
            double startup = s.@startupMs.text() ? s.@startupMs.text() as double : 0
            return (s.@wallMs.text() as double) - startup
        }.sort()
        double compute = computes[computes.size().intdiv(2)]
        assert compute >= 0.25 * (sequential.@medianMs.text() as double): "$name $mode: $compute ms of work"
    }
    def reading = w.diagnosis.evidence.text()
    if (w.result.any { it.@contaminated.text() == 'true' }) {
        // A busy result the reading needs leaves no lesson to read, and the product says so instead;
        // one it does not need is left out of it, and the lesson stands.
        assert w.diagnosis.@verdict.text() == 'cpu-bound' || reading.contains('other work ran while'): reading
    } else {
        assert w.diagnosis.@verdict.text() == 'cpu-bound': "$name: $reading"
        assert log =~ /Workload ${name} \([^\n]*\): best /: "$name has a best mode in the log"
    }
}

// The JMH benchmark's input size is a private @Param of its @State class (4096, the first value listed):
// set, each call hashes 4096 longs in a chain of dependent multiplications, a microsecond or more; left
// at 0, a call would take a few nanoseconds.
def micro = check.result(report, 'jmh-micro', 'sequential', 1)
assert (micro.@perTaskMs.text() as double) >= 0.001: "jmh-micro: ${micro.@perTaskMs} ms per call, as if @Param size were 0"

// Fixed at 1, the same SHA-256 is not batched; the report says it is too short and what would do.
def once = workload('sha256-once')
assert once.@batch.text() == '': 'absent: each task once'
def tooShort = once.tooShort.text()
assert tooShort =~ /^Sequential's iterations took \d+\.\d\d ms, too short to time well on this machine \(50 ms is enough\): batchSize \d+ would make them about \d+ ms\.$/: tooShort
assert log.contains("  $tooShort")
def page = new File(basedir, 'target/site/speedup/index.html').text
assert page.contains('<p class="too-short">' + tooShort.replace("'", '&#39;') + '</p>'): 'the page says it too'
assert page.contains('<p class="batch">Batched: each task ran ' + workload('sha256').@batch.text() + ' times per iteration')
def md = new File(basedir, 'target/site/speedup/speedup.md').text
assert md.contains('| sha256 (each task ×' + workload('sha256').@batch.text() + ' per iteration) |')
return true
