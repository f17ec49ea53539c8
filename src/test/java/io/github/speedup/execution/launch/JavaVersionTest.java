package io.github.speedup.execution.launch;

import io.github.speedup.execution.fork.TestJvms;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JavaVersionTest {

    @Test
    void theJavaRunningTheseTestsSaysItsOwnVersion() throws IOException {
        JavaVersion version = JavaVersion.of(TestJvms.JAVA, Map.of(), Duration.ofSeconds(60));
        assertEquals(Runtime.version().feature(), version.feature());
        assertEquals(System.getProperty("java.version"), version.text());
    }

    @Test
    void aLineTheLauncherPrintsFirstDoesNotHideTheVersion() throws IOException {
        JavaVersion version = JavaVersion.of(TestJvms.JAVA, Map.of("JAVA_TOOL_OPTIONS", "-Dspeedup.unused=1"),
                Duration.ofSeconds(60));
        assertEquals(Runtime.version().feature(), version.feature());
    }

    @Test
    void everyJdksWayOfSayingItsVersionIsRead() {
        assertEquals(Optional.of(new JavaVersion("1.8.0_402", 8)),
                JavaVersion.parse(List.of("java version \"1.8.0_402\"", "Java(TM) SE Runtime Environment")));
        assertEquals(Optional.of(new JavaVersion("17.0.13", 17)), JavaVersion.parse(List.of(
                "Picked up JAVA_TOOL_OPTIONS: -Xmx1g", "openjdk version \"17.0.13\" 2024-10-15")));
        assertEquals(Optional.of(new JavaVersion("26-ea", 26)), JavaVersion.parse(List.of("openjdk version \"26-ea\"")));
        assertEquals(Optional.empty(), JavaVersion.parse(List.of("usage: true", "version 3")));
    }

    @Test
    void anExecutableThatCannotRunSaysWhy() {
        IOException e = assertThrows(IOException.class,
                () -> JavaVersion.of(TestJvms.TEST_CLASSES, Map.of(), Duration.ofSeconds(10)));
        assertEquals("cannot be run: ", e.getMessage().substring(0, "cannot be run: ".length()));
    }
}
