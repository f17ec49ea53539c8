package io.github.speedup.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code speedup.*} user properties a goal ignores: a typo, or a parameter of another goal
 * ({@code -Dspeedup.historyDirectory} once meant nothing to {@code check}); and the elements of the
 * POM's {@code <configuration>} that no goal of the plugin has ({@code <workres>}). Maven 3 ignores
 * both silently; the goal names them, with its closest properties or parameters. They are warnings,
 * not errors, as Maven's own check of unknown parameters (3.9) is: the build measures what it would
 * have measured anyway, and a user who reads the warning fixes the name.
 */
final class UnknownProperties {

    static final String PREFIX = "speedup.";
    /**
     * What a POM conventionally names the plugin's own version ({@code <speedup.version>}, overridden
     * with {@code -Dspeedup.version=…}, as {@code jacoco.version} is): no parameter, and no typo of one.
     */
    static final String VERSION_PROPERTY = PREFIX + "version";
    /** How many of the goal's properties a warning suggests. */
    static final int SUGGESTIONS = 3;

    private UnknownProperties() {
    }

    /**
     * @param goal       the goal, as in {@code speedup:check}
     * @param properties per goal of the plugin (this one included), the user properties its parameters read
     * @param given      the build's user properties (all of them; only {@code speedup.*} are looked at)
     * @return one warning per ignored property, in name order
     */
    static List<String> warnings(String goal, Map<String, Set<String>> properties, Collection<String> given) {
        Set<String> known = properties.getOrDefault(goal, Set.of());
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!name.startsWith(PREFIX) || known.contains(name) || name.equals(VERSION_PROPERTY)) {
                continue;
            }
            List<String> readers = properties.entrySet().stream().filter(e -> e.getValue().contains(name))
                    .map(Map.Entry::getKey).sorted().toList();
            warnings.add(readers.isEmpty()
                    ? "The user property " + name + " is not a parameter of " + goal + " and is ignored. Closest: "
                    + String.join(", ", closest(name, known)) + "."
                    : "The user property " + name + " is read by " + String.join(", ", readers) + ", not by " + goal
                    + ", which ignores it.");
        }
        return warnings;
    }

    /**
     * @param goal       the goal, as in {@code speedup:run}
     * @param parameters the goal's own parameters a user may set, for the closest names
     * @param plugin     every parameter name and alias of every goal of the plugin: plugin-level
     *                   configuration is shared by all goals, so another goal's parameter is no typo
     * @param given      the elements of the configuration the goal's execution was given
     * @return one warning per element no goal has, in name order
     */
    static List<String> parameterWarnings(String goal, Set<String> parameters, Set<String> plugin,
                                          Collection<String> given) {
        return new TreeSet<>(given).stream().filter(name -> !plugin.contains(name))
                .map(name -> "The parameter <" + name + "> in the POM's <configuration> is not a parameter of "
                        + goal + " nor of any other goal of the plugin, and is ignored. Closest: "
                        + closest(name, parameters).stream().map(p -> "<" + p + ">").collect(Collectors.joining(", "))
                        + ".")
                .toList();
    }

    /** The goal's properties nearest to the name by edit distance, nearest first. */
    static List<String> closest(String name, Set<String> known) {
        return known.stream().sorted(Comparator.comparingInt((String k) -> distance(name, k))
                .thenComparing(Comparator.naturalOrder())).limit(SUGGESTIONS).collect(Collectors.toList());
    }

    /** Levenshtein distance, case-insensitive: a wrong capital is one slip, as a wrong letter is. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
