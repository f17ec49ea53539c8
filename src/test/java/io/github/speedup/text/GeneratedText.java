package io.github.speedup.text;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Strings over the whole UTF-16 code unit range, for the tests that every format stays readable:
 * uniform code units, with controls, DEL, surrogates (paired and lone), the noncharacters U+FFFE
 * and U+FFFF and the characters that start markup drawn more often than their share, so that a
 * short string usually holds several of them. And an oracle for what XML 1.0 allows that does not
 * use {@link VisibleText}.
 */
public final class GeneratedText {

    private static final String MARKUP = "<>&\"'|`*_[]()#!\\\t\n\r ";

    private GeneratedText() {
    }

    /** A string of 1 to {@code maxLength} code units. */
    public static String next(Random random, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(16);
            switch (kind) {
                case 0, 1, 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.append('\u007f');
                case 4 -> text.append((char) (0xD800 + random.nextInt(0x800))); // lone high or low surrogate
                case 5 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a pair
                case 6 -> text.append(random.nextBoolean() ? '\uFFFE' : '\uFFFF');
                case 7, 8 -> text.append(MARKUP.charAt(random.nextInt(MARKUP.length())));
                default -> text.append((char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    /** XML 1.0's {@code Char} production. */
    public static boolean allowedInXml(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** Fails naming the first character XML 1.0 forbids, or DEL, in {@code text}. */
    public static void assertVisible(String text, String where) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowedInXml(codePoint) || codePoint == 0x7F) {
                fail(where + " holds U+" + String.format(java.util.Locale.ROOT, "%04X", codePoint) + " at " + i + ": "
                        + text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)));
            }
            i += Character.charCount(codePoint);
        }
    }
}
