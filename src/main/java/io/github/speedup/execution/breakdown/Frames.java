package io.github.speedup.execution.breakdown;

import java.util.List;

/**
 * Which frame of a stack is the user's: where a lock was taken, an object allocated or a wait begun,
 * in the user's code rather than inside the JDK class that did it for them.
 */
final class Frames {

    /** The JDK's own packages: {@code StringBuffer.append} blocks, but its caller is the culprit. */
    static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** The plugin's own package: its harness runs every task, so its frames name no culprit. */
    static final String PLUGIN = "io.github.speedup.";

    private Frames() {
    }

    /** One frame of a stack: a method of a class, at a line (negative where unknown). */
    record Frame(String className, String method, int line) {

        /** {@code class.method:line}, or {@code class.method} where the line is unknown. */
        String text() {
            return className + "." + method + (line >= 0 ? ":" + line : "");
        }
    }

    static boolean isJdk(String className) {
        return JDK.stream().anyMatch(className::startsWith);
    }

    /**
     * The user's frame of a stack given innermost first: the first frame that is neither the JDK's
     * nor the plugin's; else the first that is not the JDK's (a task the plugin itself provides);
     * else the innermost; empty for an empty stack.
     */
    static String user(List<Frame> innermostFirst) {
        Frame fallback = null;
        for (Frame frame : innermostFirst) {
            if (!isJdk(frame.className())) {
                if (!frame.className().startsWith(PLUGIN)) {
                    return frame.text();
                }
                if (fallback == null) {
                    fallback = frame;
                }
            }
        }
        if (fallback != null) {
            return fallback.text();
        }
        return innermostFirst.isEmpty() ? "" : innermostFirst.get(0).text();
    }

    /** The harness's packages: the code that runs the tasks and counts them, never a task itself. */
    static final String HARNESS = PLUGIN + "execution.";

    /**
     * Whether an event of this stack, innermost first, happened in the harness's own code (its first
     * frame outside the JDK is the harness's): counting a worker's CPU time and allocated bytes calls the
     * JVM's management beans on the worker's thread, and a trial's culprits listed
     * {@code WorkerCounters$Counter.mark} (13% of the hottest frames) and {@code InJvmExecutor.lambda$diagnose}
     * (an allocation sample). The plugin's built-in tasks live elsewhere ({@code io.github.speedup.workload}).
     */
    static boolean harness(List<Frame> innermostFirst) {
        for (Frame frame : innermostFirst) {
            if (!isJdk(frame.className())) {
                return frame.className().startsWith(HARNESS);
            }
        }
        return false;
    }

    /** A class name as source code writes it: {@code byte[]} for the JVM's {@code [B}. */
    static String className(String binaryName) {
        if (!binaryName.startsWith("[")) {
            return binaryName;
        }
        String element = binaryName.substring(1);
        String base = switch (element.charAt(0)) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'Z' -> "boolean";
            case 'L' -> element.substring(1, element.length() - 1);
            case '[' -> className(element);
            default -> element;
        };
        return base + "[]";
    }
}
