package io.github.speedup.measure;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentProbeTest {

    @Test
    void theFingerprintIsStableAndChangesWithWhatMakesNumbersComparable() {
        String base = EnvironmentProbe.fingerprint("CPU", 2, 1024, "Linux", "amd64", "17.0.15", "Debian", "-Xmx1g");
        assertEquals(base, EnvironmentProbe.fingerprint("CPU", 2, 1024, "Linux", "amd64", "17.0.15", "Debian", "-Xmx1g"));
        assertTrue(base.matches("[0-9a-f]{16}"), base);
        assertNotEquals(base, EnvironmentProbe.fingerprint("CPU", 4, 1024, "Linux", "amd64", "17.0.15", "Debian", "-Xmx1g"));
        assertNotEquals(base, EnvironmentProbe.fingerprint("CPU", 2, 1024, "Linux", "amd64", "25.0.3", "Debian", "-Xmx1g"));
        assertNotEquals(base, EnvironmentProbe.fingerprint("CPU", 2, 1024, "Linux", "amd64", "17.0.15", "Debian", "-Xmx2g"));
    }

    @Test
    void probingThisMachineTwiceGivesTheSameFingerprint() {
        Environment first = EnvironmentProbe.probe(JvmInfo.current(), Path.of("java"), "", "3.9.11", 0.1,
                List.of(), 0);
        Environment second = EnvironmentProbe.probe(JvmInfo.current(), Path.of("java"), "", "3.9.11", 5.0,
                List.of("/proc/stat"), 12.5);
        assertEquals(first.fingerprint(), second.fingerprint(), "the load is not part of the machine");
        assertTrue(first.totalMemoryBytes() > 0);
        assertTrue(second.overloaded() == (5.0 > second.logicalCores()));
    }

    @Test
    void theLoadAverageHasTheTwoDecimalsThePageShows() {
        double load = EnvironmentProbe.loadAverage();
        // the kernel's figure has eleven fractional bits; two decimals survive the XML's three unchanged
        assertTrue(load == -1 || load == Math.round(load * 100) / 100.0, String.valueOf(load));
    }
}
