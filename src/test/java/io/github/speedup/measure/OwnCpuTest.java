package io.github.speedup.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnCpuTest {

    @TempDir
    Path proc;

    /** A /proc/[pid]/stat line: utime, stime, cutime, cstime in ticks of 10 ms. */
    private void process(long pid, String name, long parent, long utime, long stime, long cutime, long cstime)
            throws IOException {
        Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), pid + " (" + name + ") S " + parent + " " + pid
                + " 1 0 -1 4194560 100 0 0 0 " + utime + " " + stime + " " + cutime + " " + cstime
                + " 20 0 12 0 5000 3000000 1000\n");
    }

    /**
     * Maven's JVM 100 with the plugin's child 200, that child's own child 300 and grandchild 310;
     * Maven's other child 500 (another module's test JVM) and an unrelated process 400.
     */
    private void tree() throws IOException {
        process(100, "java", 1, 50, 10, 900, 100);
        process(200, "java (pool) x", 100, 30, 5, 7, 1);
        process(300, "sh", 200, 20, 0, 0, 0);
        process(310, "burn)", 300, 4, 1, 0, 0);
        process(400, "python3", 1, 999, 9, 0, 0);
        process(500, "java", 100, 777, 7, 0, 0);
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("stat"), "cpu  1 2 3 4\n");
    }

    @Test
    void theBuildIsThisJvmAndThePluginsChildrenWithEveryDescendant() throws IOException {
        tree();
        OwnCpu own = OwnCpu.read(proc, 100, List.of(200L));
        assertEquals(600_000_000L, own.thisJvmNanos(), "this JVM's user and system time, not its ended children");
        assertEquals(Map.of(200L, (30 + 5 + 7 + 1 + 20 + 4 + 1) * 10_000_000L), own.treeNanos(),
                "the child, its ended children and its descendants; not Maven's other child nor other processes");
    }

    @Test
    void aDescendantThatEndsMovesToItsParentAndNothingIsCountedTwice() throws IOException {
        tree();
        OwnCpu before = OwnCpu.read(proc, 100, List.of(200L));
        // 300 ran 2 ticks more, 310 ran 3 more, ended and was reaped by 300; this JVM ran 6 ticks
        process(100, "java", 1, 55, 11, 900, 100);
        process(300, "sh", 200, 22, 0, 7, 1);
        Files.delete(proc.resolve("310/stat"));
        Files.delete(proc.resolve("310"));
        assertEquals((6 + 2 + 3) * 10_000_000L, OwnCpu.read(proc, 100, List.of(200L)).since(before));
    }

    @Test
    void aChildNewSinceTheFirstReadingCountsWholeAndOneGoneIsLeftOut() throws IOException {
        tree();
        OwnCpu before = OwnCpu.read(proc, 100, List.of(200L));
        process(600, "java", 100, 12, 3, 0, 0);
        assertEquals(150_000_000L, OwnCpu.read(proc, 100, List.of(200L, 600L)).since(before));
        assertEquals(0, OwnCpu.read(proc, 100, List.of()).since(before), "never negative");
    }

    @Test
    void withoutProcThereIsNoReading() {
        assertNull(OwnCpu.read(proc.resolve("absent"), 100, List.of()));
    }

    /** A real child and a grandchild that burns: the grandchild is found and counted, live. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aLiveGrandchildOfAChildIsCountedAsItRuns() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "timeout 20 sh -c 'while :; do :; done' & wait").start();
        try {
            Thread.sleep(200);
            OwnCpu before = OwnCpu.read(List.of(child.pid()));
            Thread.sleep(1_000);
            OwnCpu after = OwnCpu.read(List.of(child.pid()));
            long grandchild = after.treeNanos().get(child.pid()) - before.treeNanos().get(child.pid());
            // a second of burning; a busy machine's scheduler may give it much less, never nothing
            assertTrue(grandchild >= 100_000_000L, grandchild / 1e6 + " ms");
            assertTrue(after.since(before) >= grandchild);
        } finally {
            List<ProcessHandle> tree = child.descendants().toList();
            child.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
