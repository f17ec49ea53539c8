package io.github.speedup.execution.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between the host (Maven) and a forked JVM. Every protocol line carries a
 * prefix, so it stays apart from anything else the JVM writes to its standard output (GC logs,
 * agent banners); the child also points {@code System.out} at its standard error, so what
 * workloads print never reaches the channel. Fields are tab-separated and escaped.
 *
 * <pre>
 * host -> measurement JVM   WORKLOAD id type target tasks size | RUN id mode workers | EXIT
 * measurement JVM -> host   HELLO version vendor vmName javaHome feature | DEFINED | SAMPLE wall cpu peak gc
 *                           | FAILED message
 * worker JVM -> host        STARTED | DONE cpu peakRss | FAILED message
 *                           (a worker gets its share as arguments: worker type target size i,j,...)
 * either -> host            EXIT_CALLED frames (user code called System.exit; the JVM is ending)
 * </pre>
 */
public final class ForkProtocol {

    /** The main-class argument that makes a forked JVM the long-lived measurement JVM. */
    public static final String ROLE_MEASURE = "measure";
    /** The main-class argument that makes a forked JVM one worker of the processes mode. */
    public static final String ROLE_WORKER = "worker";

    static final String PREFIX = "#speedup#";

    static final String WORKLOAD = "WORKLOAD";
    static final String RUN = "RUN";
    static final String EXIT = "EXIT";
    static final String HELLO = "HELLO";
    static final String SAMPLE = "SAMPLE";
    static final String FAILED = "FAILED";
    static final String DEFINED = "DEFINED";
    /** Sent from a shutdown hook when code other than the fork's own main ends the JVM. */
    static final String EXIT_CALLED = "EXIT_CALLED";
    static final String STARTED = "STARTED";
    static final String DONE = "DONE";

    private ForkProtocol() {
    }

    static String line(Object... fields) {
        StringBuilder line = new StringBuilder(PREFIX);
        for (Object field : fields) {
            line.append('\t').append(escape(String.valueOf(field)));
        }
        return line.toString();
    }

    static boolean isProtocolLine(String line) {
        return line.startsWith(PREFIX + "\t");
    }

    /** The fields of a protocol line, the message type first. */
    static List<String> fields(String line) {
        String[] raw = line.substring(PREFIX.length() + 1).split("\t", -1);
        List<String> fields = new ArrayList<>(raw.length);
        for (String field : raw) {
            fields.add(unescape(field));
        }
        return fields;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
