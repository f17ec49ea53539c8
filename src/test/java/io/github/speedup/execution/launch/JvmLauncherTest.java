package io.github.speedup.execution.launch;

import io.github.speedup.execution.fork.ForkedMain;
import io.github.speedup.execution.fork.TestJvms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The argument file, read back by a real {@code java}: every value arrives as written. */
class JvmLauncherTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    /** What the launcher treats specially (args.c), what shells and other syntaxes do, and some controls. */
    private static final String SPECIAL = "\n\r\t\f \"'\\#@=$%`!*?{}[]();&|<>~^,:\u000b\u001a\u001b\u007f";

    /** The launcher names the child's main class as a string, since it may not import the room above it. */
    @Test
    void everyChildStartsInTheMainClassTheLauncherNames(@TempDir Path temp) throws Exception {
        assertEquals(ForkedMain.class.getName(), JvmLauncher.MAIN_CLASS);
        JvmLauncher launcher = TestJvms.launcher(temp, Map.of());
        List<String> command = launcher.command("measure");
        assertEquals(List.of(JvmLauncher.MAIN_CLASS, "measure"), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void argumentFileQuotingFollowsTheLaunchersRules() {
        assertEquals("\"C:\\\\Program Files\\\\a \\\"b\\\".jar\"", JvmLauncher.quote("C:\\Program Files\\a \"b\".jar"));
        assertEquals("\"first line\\nsecond\\r\\nthird\\tcolumn\\fpage\"",
                JvmLauncher.quote("first line\nsecond\r\nthird\tcolumn\fpage"));
        assertEquals("\"# not a comment, it's text\"", JvmLauncher.quote("# not a comment, it's text"));
        assertEquals("\"ends in a backslash\\\\\"", JvmLauncher.quote("ends in a backslash\\"));
        assertEquals("\"\"", JvmLauncher.quote(""));
    }

    /**
     * The cluster's JVMs get the heap the argLine gives every child, none of the plugin's (a 512 MiB
     * of its own once ended a 300 MiB result in an out-of-memory nobody reported): their argument file
     * holds Hazelcast's opened packages, then the user's flags, and no other heap flag.
     */
    @Test
    void theClusterJvmsHeapIsTheArgLinesAlone(@TempDir Path temp) throws Exception {
        Path hazelcast = temp.resolve("hazelcast.jar");
        JvmLauncher launcher = JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "-Xmx2g", List.of("-Xmx2g"),
                List.of(TEST_CLASSES), Map.of(), Map.of(), temp, temp, Duration.ofSeconds(5))
                .withClusterClassPath(List.of(hazelcast)), ProcessCookie.create());
        List<String> arguments = Files.readAllLines(launcher.clusterArgumentFile(), JvmLauncher.PLATFORM);
        assertEquals(List.of("\"-Xmx2g\""), arguments.stream().filter(a -> a.startsWith("\"-X")).toList(), "the user's");
        assertEquals("\"-Xmx2g\"", arguments.get(JvmLauncher.CLUSTER_FLAGS.size()), "after Hazelcast's opened packages");
        JvmLauncher plain = JvmLauncher.prepare(new ForkSettings(TestJvms.JAVA, "", List.of(), List.of(TEST_CLASSES),
                Map.of(), Map.of(), temp.resolve("plain"), temp, Duration.ofSeconds(5))
                .withClusterClassPath(List.of(hazelcast)), ProcessCookie.create());
        assertEquals(List.of(), Files.readAllLines(plain.clusterArgumentFile(), JvmLauncher.PLATFORM).stream()
                .filter(a -> a.startsWith("\"-X")).toList(), "the JVM's own default heap without an argLine");
    }

    @Test
    void whatNoChildCanReceiveIsNamedWithItsPlace() {
        assertEquals(Optional.empty(), JvmLauncher.cannotCarry("line\nbreak \"quoted\" #hash é 😀", StandardCharsets.UTF_8));
        assertEquals(Optional.of("a NUL character (U+0000 at index 1), which ends the argument in the launcher and the "
                + "JVM"), JvmLauncher.cannotCarry("a\0b", StandardCharsets.UTF_8));
        assertEquals(Optional.of("an unpaired surrogate (U+D83D at index 2), which is no character in any encoding"),
                JvmLauncher.cannotCarry("ab\uD83D", StandardCharsets.UTF_8));
        assertEquals(Optional.of("U+00E9 at index 3, which the platform encoding US-ASCII cannot carry (the child JVM "
                + "would read ?): run Maven under a UTF-8 locale, such as LANG=C.UTF-8"),
                JvmLauncher.cannotCarry("caf\u00e9 \u00e9", StandardCharsets.US_ASCII));
        assertEquals(Optional.of("U+1F600 at index 5, which the platform encoding ISO-8859-1 cannot carry (the child "
                + "JVM would read ?): run Maven under a UTF-8 locale, such as LANG=C.UTF-8"),
                JvmLauncher.cannotCarry("caf\u00e9 \uD83D\uDE00", StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyGeneratedValueReachesARealJvmAsWritten(@TempDir Path temp) throws Exception {
        Random random = new Random(17);
        Map<String, String> properties = new TreeMap<>();
        List<String> argLine = new ArrayList<>();
        List<String> values = new ArrayList<>(List.of("", "\\", "ends in a backslash\\", "\\\\n is not a line break",
                "\"", "\"\"", "'", "a\r\nb", "#comment", "  spaces around  ", "\\\"", "@file", "-Dnot.an.option=1",
                "first line\nsecond line", "x".repeat(10_000) + "\n" + "y".repeat(5_000)));
        for (int i = 0; i < 400; i++) {
            values.add(generated(random, 1 + random.nextInt(60)));
        }
        for (int i = 0; i < values.size(); i++) {
            if (i % 5 == 4) {
                argLine.add("-Dprobe.argline." + i + "=" + values.get(i));
            } else {
                properties.put("probe." + i, values.get(i));
            }
        }
        properties.put("probe.key with space, 'quote' and é", "value");
        properties.put("probe.key\nwith line break", "value");
        String environment = generated(random, 200);

        Map<String, String> printed = run(temp, List.of(TEST_CLASSES), properties, argLine, environment);

        Map<String, String> expected = new TreeMap<>();
        properties.forEach((key, value) -> expected.put("property " + PrintsProperties.hex(key),
                PrintsProperties.hex(value)));
        for (String argument : argLine) {
            String property = argument.substring(2);
            expected.put("property " + PrintsProperties.hex(property.substring(0, property.indexOf('='))),
                    PrintsProperties.hex(property.substring(property.indexOf('=') + 1)));
        }
        Map<String, String> printedProperties = new TreeMap<>(printed);
        printedProperties.keySet().removeIf(name -> !name.startsWith("property "));
        assertEquals(expected.size(), printedProperties.size(), "every property arrived, none split into two");
        for (Map.Entry<String, String> property : expected.entrySet()) {
            assertEquals(property.getValue(), printedProperties.get(property.getKey()), () -> "property "
                    + decode(property.getKey().substring("property ".length())) + " arrived as "
                    + decode(printedProperties.get(property.getKey())));
        }
        assertEquals(PrintsProperties.hex(environment), printed.get("env"));
    }

    @Test
    void classPathEntriesAndFoldersWithSpacesApostrophesAndNonAsciiNamesWork(@TempDir Path temp) throws Exception {
        // The main class is found only in the oddly named folder: the class path arrived intact. (No
        // character beyond the BMP: the JDK's own class loader cannot open such folders, JDK 17 to 25.)
        Path odd = temp.resolve("class path's ünïcødé 日本 #1 \"q\" 100%");
        Path classFile = Path.of(PrintsProperties.class.getName().replace('.', File.separatorChar) + ".class");
        Files.createDirectories(odd.resolve(classFile).getParent());
        Files.copy(TEST_CLASSES.resolve(classFile), odd.resolve(classFile));
        List<Path> classPath = List.of(temp.resolve("missing folder"), temp.resolve("l'apostrophe.jar"), odd);

        Map<String, String> printed = run(temp.resolve("out dir's ü"), classPath, Map.of("probe.x", "y"), List.of(), "");

        List<String> entries = new ArrayList<>();
        classPath.forEach(entry -> entries.add(entry.toString()));
        entries.add(JvmLauncher.pluginClassPathEntry().toString());
        assertEquals(String.join(File.pathSeparator, entries), decode(printed.get("classpath")));
        assertEquals(PrintsProperties.hex("y"), printed.get("property " + PrintsProperties.hex("probe.x")));
    }

    @Test
    void childrenRunInTheWorkingDirectory(@TempDir Path temp) throws Exception {
        Map<String, String> printed = run(temp.resolve("work"), List.of(TEST_CLASSES), Map.of(), List.of(), "");
        assertEquals(temp.resolve("working dir's ü").toString(), decode(printed.get("userdir")));
    }

    /**
     * Prepares a launcher in {@code work} that runs in {@code temp/working dir's ü}, and starts
     * {@link PrintsProperties} with it instead of the fork's main class.
     */
    private static Map<String, String> run(Path work, List<Path> classPath, Map<String, String> properties,
                                           List<String> argLine, String environment)
            throws IOException, InterruptedException {
        Path workingDirectory = work.getParent().resolve("working dir's ü");
        Files.createDirectories(workingDirectory);
        ForkSettings settings = new ForkSettings(JAVA, String.join(" ", argLine), argLine, classPath, properties,
                Map.of("PROBE", environment), work, workingDirectory, Duration.ofSeconds(60));
        ProcessBuilder builder = JvmLauncher.prepare(settings, ProcessCookie.create()).processBuilder();
        List<String> command = builder.command();
        command.set(command.indexOf(ForkedMain.class.getName()), PrintsProperties.class.getName());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.lastIndexOf(' ');
            printed.put(line.substring(0, space), line.substring(space + 1));
        }
        return printed;
    }

    /** Code points from every range that has tripped argument passing somewhere. */
    private static String generated(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(7)) {
                case 0 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> text.append((char) (1 + random.nextInt(0x1f)));
                case 3 -> text.append((char) (0x80 + random.nextInt(0x180)));
                case 4 -> text.appendCodePoint(bmp(random));
                case 5 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0xFFFF0));
            }
        }
        return text.toString();
    }

    /** Any character of the Basic Multilingual Plane but a surrogate, U+FFFE and U+FFFF included. */
    private static int bmp(Random random) {
        int c;
        do {
            c = 0xA0 + random.nextInt(0x10000 - 0xA0);
        } while (Character.getType(c) == Character.SURROGATE);
        return c;
    }

    private static String decode(String hex) {
        return hex == null ? null : new String(java.util.HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
