package io.github.speedup.execution.launch;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A main class for a child JVM started from a launcher's argument file: prints, in hex of UTF-8
 * so no encoding of its own output can change them, every {@code probe.*} system property, the
 * class path, the working directory and the {@code PROBE} environment variable, one per line.
 */
public final class PrintsProperties {

    public static void main(String[] args) {
        Map<String, String> lines = new TreeMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("probe.")) {
                lines.put("property " + hex(key), hex(System.getProperty(key)));
            }
        }
        lines.put("classpath", hex(System.getProperty("java.class.path")));
        lines.put("userdir", hex(System.getProperty("user.dir")));
        lines.put("env", hex(String.valueOf(System.getenv("PROBE"))));
        lines.forEach((name, value) -> System.out.println(name + " " + value));
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
