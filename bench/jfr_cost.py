"""What the breakdown's flight recorder costs a contended workload, by threshold (issue 31).

Runs io.github.speedup.execution.breakdown.JfrCostBench from the test classes: two workers take a
shared monitor and a shared ReentrantLock in turn, with the recorder off and with thresholds 0,
10 us, 100 us and 1 ms, interleaved in one JVM; prints each one's median wall time and its ratio to
the recorder off, and the share of the workers' time the recorder saw blocked. Two workloads:
holds of 2 us (most contention events shorter than 10 us: the worst case for a low threshold) and
of 50 us (a millisecond task's critical sections).

    python3 bench/jfr_cost.py [rounds]

Run from the repository root after `mvn -B -q -o test-compile -Dinvoker.skip`. It measures, so it
takes the machine lock exclusively unless SPEEDUP_LOCK_HELD=1 says the caller holds it."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCK = "/tmp/speedup-measure.lock"
LOCK_HELD = os.environ.get("SPEEDUP_LOCK_HELD") == "1"
# (hold in us, acquisitions per worker): about half a second of work per run either way.
WORKLOADS = [(2, 100_000), (50, 6_000)]


def main():
    rounds = sys.argv[1] if len(sys.argv) > 1 else "7"
    classpath = os.pathsep.join(os.path.join(ROOT, "target", d) for d in ("classes", "test-classes"))
    for hold, acquisitions in WORKLOADS:
        command = ([] if LOCK_HELD else ["flock", LOCK]) + [
            "java", "-Xms256m", "-Xmx256m", "-cp", classpath,
            "io.github.speedup.execution.breakdown.JfrCostBench", rounds, str(hold), str(acquisitions)]
        print(subprocess.run(command, check=True, capture_output=True, text=True).stdout, flush=True)


if __name__ == "__main__":
    main()
