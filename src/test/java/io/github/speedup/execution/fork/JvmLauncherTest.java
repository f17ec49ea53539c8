package io.github.speedup.execution.fork;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JvmLauncherTest {

    @Test
    void argumentFileQuotingKeepsSpacesAndBackslashes() {
        assertEquals("\"C:\\\\Program Files\\\\a \\\"b\\\".jar\"", JvmLauncher.quote("C:\\Program Files\\a \"b\".jar"));
    }
}
