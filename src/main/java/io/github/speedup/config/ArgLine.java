package io.github.speedup.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an {@code argLine} into JVM arguments as a POSIX shell would split plain words and quotes.
 * Every white space separates, line breaks, tabs and form feeds included, so an argLine written over
 * several lines in a POM splits as if it were one line; inside quotes they are kept.
 */
public final class ArgLine {

    /** Surefire's late replacement: {@code @{name}} is read when the goal runs, after JaCoCo set it. */
    private static final Pattern LATE_PROPERTY = Pattern.compile("@\\{([^}]+)}");

    private ArgLine() {
    }

    /**
     * Replaces each {@code @{name}} with the property's value at execution time. An unset property
     * becomes empty, as if the plugin that would have set it was skipped, and is reported to
     * {@code unset} so the log can say so.
     */
    public static String replaceLateProperties(String argLine, Map<String, String> properties, Consumer<String> unset) {
        if (argLine == null) {
            return "";
        }
        Matcher matcher = LATE_PROPERTY.matcher(argLine);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = properties.get(matcher.group(1));
            if (value == null) {
                unset.accept(matcher.group(1));
                value = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    public static List<String> split(String argLine) throws ConfigurationException {
        List<String> arguments = new ArrayList<>();
        if (argLine == null) {
            return arguments;
        }
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < argLine.length(); i++) {
            char c = argLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ConfigurationException("argLine", argLine, "JVM arguments with balanced quotes");
        }
        if (inWord) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
