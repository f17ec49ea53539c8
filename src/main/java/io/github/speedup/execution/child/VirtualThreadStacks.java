package io.github.speedup.execution.child;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stacks of every thread of this JVM, virtual threads included, which
 * {@link Thread#getAllStackTraces()} leaves out: a {@code System.exit} called from a virtual
 * thread is found only here. They come from the thread dump that
 * {@code HotSpotDiagnosticMXBean.dumpThreads} (JDK 21+) writes to a file in a private temporary
 * folder, looked up at run time because the plugin is compiled for Java 17. It costs a few hundred
 * milliseconds, so it is taken only when user code ends the JVM and no platform thread called exit.
 */
public final class VirtualThreadStacks {

    private static final String FRAME = "    at ";

    private VirtualThreadStacks() {
    }

    /** Every thread's stack, innermost frame first; none where the JVM cannot write such a dump (before JDK 21). */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the bean's and the format's classes are known only at run time
    public static List<StackTraceElement[]> all() {
        Path folder = null;
        try {
            Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            Object diagnostics = ManagementFactory.getPlatformMXBean((Class<? extends PlatformManagedObject>) bean);
            folder = Files.createTempDirectory("speedup-threads");
            Path dump = folder.resolve("threads.txt");
            bean.getMethod("dumpThreads", String.class, format).invoke(diagnostics, dump.toString(),
                    Enum.valueOf((Class) format, "TEXT_PLAIN"));
            return parse(Files.readAllLines(dump));
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                 | InvocationTargetException | IOException | RuntimeException e) {
            return List.of();
        } finally {
            delete(folder);
        }
    }

    /**
     * The stacks of a plain-text thread dump: a line {@code #<id> "<name>" ...} opens a thread,
     * lines {@code     at [module/]class.method(File.java:12)} are its frames.
     */
    static List<StackTraceElement[]> parse(List<String> lines) {
        List<StackTraceElement[]> stacks = new ArrayList<>();
        List<StackTraceElement> frames = null;
        for (String line : lines) {
            if (line.startsWith("#")) {
                add(stacks, frames);
                frames = new ArrayList<>();
            } else if (frames != null && line.startsWith(FRAME) && line.endsWith(")")) {
                frames.add(frame(line.substring(FRAME.length())));
            }
        }
        add(stacks, frames);
        return stacks;
    }

    private static void add(List<StackTraceElement[]> stacks, List<StackTraceElement> frames) {
        if (frames != null && !frames.isEmpty()) {
            stacks.add(frames.toArray(new StackTraceElement[0]));
        }
    }

    private static StackTraceElement frame(String text) {
        int open = text.indexOf('(');
        String method = open < 0 ? text : text.substring(0, open);
        method = method.substring(method.lastIndexOf('/') + 1); // no module or class-loader name
        int dot = method.lastIndexOf('.');
        String location = open < 0 ? "" : text.substring(open + 1, text.length() - 1);
        if (location.equals("Native Method")) {
            return new StackTraceElement(method.substring(0, Math.max(dot, 0)), method.substring(dot + 1), null, -2);
        }
        int colon = location.lastIndexOf(':');
        String file = location.isEmpty() || location.equals("Unknown Source") ? null
                : colon < 0 ? location : location.substring(0, colon);
        int number = -1;
        if (colon >= 0) {
            try {
                number = Integer.parseInt(location.substring(colon + 1));
            } catch (NumberFormatException e) {
                file = location;
            }
        }
        return new StackTraceElement(method.substring(0, Math.max(dot, 0)), method.substring(dot + 1), file, number);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve("threads.txt"));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a file in the JVM's temporary folder, readable by its owner alone: left there
        }
    }
}
