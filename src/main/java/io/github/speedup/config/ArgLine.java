package io.github.speedup.config;

import java.util.ArrayList;
import java.util.List;

/** Splits an {@code argLine} into JVM arguments as a POSIX shell would split plain words and quotes. */
public final class ArgLine {

    private ArgLine() {
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
