package io.github.speedup.execution.breakdown;

/**
 * The escaping of a field in a tab-separated line, shared by the fork protocol and the breakdown's
 * lines: a backslash, tab, line feed or carriage return in a field is written as {@code \\}, {@code \t},
 * {@code \n} or {@code \r}, so that a field never splits its line and every field reads back exactly.
 * It lives here, with the JDK alone beneath it, because the breakdown runs in the workload's JVM and
 * may depend on nothing else, while the protocol may depend on it.
 */
public final class LineFields {

    private LineFields() {
    }

    /** The field as it is written into a line. */
    public static String escape(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The field as it was before {@link #escape}; a backslash before any other character stands for it. */
    public static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
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
