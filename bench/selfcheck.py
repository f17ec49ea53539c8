"""The harness's self-check over repeated builds: sequential and threads ×1 run the same tasks on
one thread, so threads ×1 / sequential should be 1. Five builds of one project with every built-in
kind and an allocation-heavy user workload (each task Base64-encodes and decodes 1 MiB thirty
times); per kind the ratio in each build and the median over builds of |ratio - 1|."""
import os
import statistics
import sys

from common import mvn, project, report, result, table, workload

BUILDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
KINDS = [("sleep", "sleep", 8, 25), ("cpu", "cpu", 4, 100), ("contended", "contended", 4, 150),
         ("alloc", "alloc", 4, 150)]
USER = """package bench;

import java.util.Base64;
import java.util.concurrent.Callable;

/** Allocation-heavy: 1 MiB encoded and decoded thirty times, as a real project's codec workload. */
public class Base64Task implements Callable<Integer> {
    private final byte[] input = new byte[1 << 20];

    public Base64Task(int index) {
        new java.util.Random(index).nextBytes(input);
    }

    @Override
    public Integer call() {
        int sum = 0;
        for (int i = 0; i < 30; i++) {
            byte[] encoded = Base64.getEncoder().encode(input);
            sum += Base64.getDecoder().decode(encoded).length;
        }
        return sum;
    }
}
"""
configuration = "\n".join(
    ["<workloads>"] + [workload(*kind) for kind in KINDS]
    + ["<workload><name>base64</name><className>bench.Base64Task</className><tasks>4</tasks></workload>",
       "</workloads>", "<modes>sequential,threads</modes>", "<workers>1</workers>"]
    # The earlier series took 2 warm-ups and 8 iterations (SELFCHECK_SAMPLING=fixed); now each median is
    # sampled to ±1% (at most 40 iterations), so what is left between the two modes is not sampling noise.
    + (["<warmupIterations>2</warmupIterations>", "<iterations>8</iterations>"]
       if os.environ.get("SELFCHECK_SAMPLING") == "fixed"
       else ["<targetPrecision>0.01</targetPrecision>", "<maxIterations>40</maxIterations>"])
    + sys.argv[2:])
directory = project("selfcheck", configuration)
source = os.path.join(directory, "src", "test", "java", "bench")
os.makedirs(source)
with open(os.path.join(source, "Base64Task.java"), "w") as out:
    out.write(USER)
with open(os.path.join(directory, "pom.xml")) as pom:
    text = pom.read().replace("<packaging>pom</packaging>", "<packaging>jar</packaging>"
                              "<properties><maven.compiler.release>17</maven.compiler.release>"
                              "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>"
                              ).replace("<plugins>", "<plugins><plugin><artifactId>maven-compiler-plugin</artifactId>"
                                        "<version>3.14.1</version></plugin><plugin>"
                                        "<artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version>"
                                        "</plugin>", 1)
with open(os.path.join(directory, "pom.xml"), "w") as pom:
    pom.write(text)

names = [kind[0] for kind in KINDS] + ["base64"]
ratios = {name: [] for name in names}
for build in range(BUILDS):
    mvn(directory)
    root = report(directory)
    for name in names:
        ratios[name].append(float(result(root, name, "threads", 1).get("medianMs"))
                            / float(result(root, name, "sequential", 1).get("medianMs")))
table("Self-check over %d builds: threads ×1 / sequential, median times" % BUILDS,
      ["workload"] + ["build %d" % (b + 1) for b in range(BUILDS)] + ["median |ratio - 1|"],
      [[name] + ["%.3f" % r for r in ratios[name]]
       + ["%.1f%%" % (100 * statistics.median(abs(r - 1) for r in ratios[name]))] for name in names])
