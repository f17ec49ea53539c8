package io.github.speedup.execution.breakdown;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A breakdown as lines of tab-separated fields, what a child JVM sends its parent:
 *
 * <pre>
 * breakdown  wallNanos workers tasks thresholdNanos
 * shares     running monitor parked waiting collector
 * memory     bytesPerSecond bytesPerTask collectorShare pauses
 * pinning    recordable
 * culprit    list cause subject frame amount share events   (list: lock, site, wait, hot, pinned)
 * </pre>
 *
 * or the single line {@code unavailable reason}. A tab, newline, carriage return or backslash in
 * a field is written as {@code \t}, {@code \n}, {@code \r}, {@code \\}, as the fork protocol
 * escapes its own fields (this package may not use it: it runs with the JDK alone). Numbers are
 * Java's own ({@code Double.toString}), so they read back exactly.
 */
public final class BreakdownLines {

    private static final String TAB = "\t";

    /** The lists of culprits a breakdown holds, by their name in the protocol. */
    private enum Listed {
        LOCK, SITE, WAIT, HOT, PINNED
    }

    private BreakdownLines() {
    }

    /** The breakdown as lines, each ended by a newline. */
    public static String write(Breakdown breakdown) {
        if (breakdown instanceof Breakdown.Unavailable unavailable) {
            return line("unavailable", unavailable.reason());
        }
        Breakdown.Recorded recorded = (Breakdown.Recorded) breakdown;
        Shares s = recorded.shares();
        Memory m = recorded.memory();
        StringBuilder out = new StringBuilder()
                .append(line("breakdown", recorded.wallNanos(), recorded.workers(), recorded.tasks(), recorded.threshold()))
                .append(line("shares", s.running(), s.monitor(), s.parked(), s.waiting(), s.collector(), s.offCpu()))
                .append(line("memory", m.bytesPerSecond(), m.bytesPerTask(), m.collectorShare(), m.pauses()))
                .append(line("pinning", recorded.pinning().recordable()));
        lists(recorded).forEach((listed, culprits) -> culprits.forEach(c -> out.append(line("culprit",
                listed.name().toLowerCase(), c.cause().id(), c.subject(), c.frame(), c.amount(), c.share(), c.events()))));
        return out.toString();
    }

    /**
     * The breakdown these lines hold.
     *
     * @throws IllegalArgumentException naming the line and what was expected, for lines {@link #write} does not write
     */
    public static Breakdown read(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(fields(line));
            }
        }
        if (lines.size() == 1 && lines.get(0)[0].equals("unavailable")) {
            return new Breakdown.Unavailable(field(lines.get(0), 1, 2));
        }
        String[] head = expect(lines, 0, "breakdown", 5);
        String[] s = expect(lines, 1, "shares", 7);
        String[] m = expect(lines, 2, "memory", 5);
        String[] p = expect(lines, 3, "pinning", 2);
        Map<Listed, List<Culprit>> lists = new EnumMap<>(Listed.class);
        for (Listed listed : Listed.values()) {
            lists.put(listed, new ArrayList<>());
        }
        for (int i = 4; i < lines.size(); i++) {
            String[] c = expect(lines, i, "culprit", 8);
            lists.get(listed(c[1])).add(new Culprit(Cause.fromId(c[2]), c[3], c[4], Long.parseLong(c[5]),
                    Double.parseDouble(c[6]), Long.parseLong(c[7])));
        }
        Shares shares = new Shares(Double.parseDouble(s[1]), Double.parseDouble(s[2]), Double.parseDouble(s[3]),
                Double.parseDouble(s[4]), Double.parseDouble(s[5]), Double.parseDouble(s[6]));
        Memory memory = new Memory(Double.parseDouble(m[1]), Double.parseDouble(m[2]), Double.parseDouble(m[3]),
                Integer.parseInt(m[4]), lists.get(Listed.SITE));
        return new Breakdown.Recorded(Long.parseLong(head[1]), Integer.parseInt(head[2]), Long.parseLong(head[3]),
                Long.parseLong(head[4]), shares, lists.get(Listed.LOCK), memory, lists.get(Listed.WAIT),
                lists.get(Listed.HOT), new Pinning(Boolean.parseBoolean(p[1]), lists.get(Listed.PINNED)));
    }

    private static Map<Listed, List<Culprit>> lists(Breakdown.Recorded recorded) {
        Map<Listed, List<Culprit>> lists = new EnumMap<>(Listed.class);
        lists.put(Listed.LOCK, recorded.locks());
        lists.put(Listed.SITE, recorded.memory().sites());
        lists.put(Listed.WAIT, recorded.waits());
        lists.put(Listed.HOT, recorded.hottest());
        lists.put(Listed.PINNED, recorded.pinning().events());
        return lists;
    }

    private static Listed listed(String name) {
        for (Listed listed : Listed.values()) {
            if (listed.name().toLowerCase().equals(name)) {
                return listed;
            }
        }
        throw new IllegalArgumentException("breakdown culprit list '" + name + "' is not one of lock, site, wait, hot, pinned");
    }

    private static String[] expect(List<String[]> lines, int index, String kind, int count) {
        if (index >= lines.size()) {
            throw new IllegalArgumentException("breakdown ends before its '" + kind + "' line (line " + (index + 1) + ")");
        }
        String[] fields = lines.get(index);
        if (!fields[0].equals(kind) || fields.length != count) {
            throw new IllegalArgumentException("breakdown line " + (index + 1) + " is '" + String.join(" ", fields)
                    + "', expected '" + kind + "' with " + (count - 1) + " fields");
        }
        return fields;
    }

    private static String field(String[] fields, int index, int count) {
        if (fields.length != count) {
            throw new IllegalArgumentException("breakdown line '" + String.join(" ", fields) + "' has "
                    + (fields.length - 1) + " fields, expected " + (count - 1));
        }
        return fields[index];
    }

    private static String line(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (Object field : fields) {
            line.append(line.length() == 0 ? "" : TAB).append(LineFields.escape(String.valueOf(field)));
        }
        return line.append('\n').toString();
    }

    /** A line's fields, unescaped; an empty field stays one. */
    private static String[] fields(String line) {
        String[] raw = line.split(TAB, -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = LineFields.unescape(raw[i]);
        }
        return raw;
    }
}
