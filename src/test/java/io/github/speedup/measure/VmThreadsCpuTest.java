package io.github.speedup.measure;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmThreadsCpuTest {

    @Test
    void whatTheProcessUsedBeyondItsJavaThreadsIsTheVmsOwn() {
        VmThreadsCpu before = new VmThreadsCpu(1_000, Map.of(1L, 300L, 2L, 100L));
        VmThreadsCpu after = new VmThreadsCpu(1_900, Map.of(1L, 700L, 2L, 150L, 3L, 50L));
        assertEquals(900 - 400 - 50 - 50, after.since(before), "JIT and GC: the process's 900 less 500 in Java threads");
        assertEquals(0, new VmThreadsCpu(1_000, Map.of(1L, 900L)).since(new VmThreadsCpu(1_000, Map.of(1L, 0L))),
                "tick-rounded process time below the threads' exact time counts as nothing, never negative");
    }

    @Test
    void thisJvmReadsItsOwnThreads() {
        VmThreadsCpu now = VmThreadsCpu.now();
        assertTrue(now.javaThreads().containsKey(Thread.currentThread().getId()));
        assertTrue(VmThreadsCpu.now().since(now) >= 0);
    }
}
