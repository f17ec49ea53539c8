package io.github.speedup.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class VisibleTextTest {

    @Test
    void anAnsiColouredMessageWithANulShowsItsEscapesAsControlPictures() {
        assertEquals("␛[31mexpected␛[0m␀", VisibleText.of("\u001b[31mexpected\u001b[0m\u0000"));
    }

    @Test
    void everyCodeUnitAloneBecomesOneCharacterXmlAllowsAndOnlyForbiddenOnesAndDeleteChange() {
        for (int unit = 0; unit <= 0xFFFF; unit++) {
            String shown = VisibleText.of(String.valueOf((char) unit));
            assertEquals(1, shown.length(), "U+" + Integer.toHexString(unit));
            char c = shown.charAt(0);
            boolean forbidden = !GeneratedText.allowedInXml(unit) || unit == 0x7F;
            if (!forbidden) {
                assertEquals(unit, c, "an allowed character stays: U+" + Integer.toHexString(unit));
            } else if (unit < 0x20) {
                assertEquals(0x2400 + unit, c, "a C0 control shows as its Control Picture");
            } else if (unit == 0x7F) {
                assertEquals('␡', c);
            } else {
                assertEquals('\uFFFD', c, "a lone surrogate or U+FFFE/U+FFFF: U+" + Integer.toHexString(unit));
            }
        }
    }

    @Test
    void tabsAndLineBreaksStayAndPairsStayWhole() {
        assertEquals("a\tb\nc\r\n", VisibleText.of("a\tb\nc\r\n"));
        String pairs = "😀 \uD83D\uDE00 𝄞";
        assertSame(pairs, VisibleText.of(pairs), "nothing to replace: the same string");
        assertEquals("�x�", VisibleText.of("\uD83Dx\uDE00"));
        assertEquals("��", VisibleText.of("\uDE00\uD83D"), "low before high is no pair");
        assertEquals("a�", VisibleText.of("a\uD83D"), "a high surrogate at the end");
        assertNull(VisibleText.of(null));
    }

    @Test
    void generatedStringsComeOutVisibleAsLongAsTheyWentInAndStayTheSameWhenShownAgain() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            String text = GeneratedText.next(random, 60);
            String shown = VisibleText.of(text);
            GeneratedText.assertVisible(shown, "seed 17, string " + i);
            assertEquals(text.length(), shown.length(), "one character for one");
            assertEquals(shown, VisibleText.of(shown), "idempotent");
            for (int at = 0; at < text.length(); at++) {
                char c = text.charAt(at);
                boolean paired = Character.isHighSurrogate(c) && at + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(at + 1))
                        || Character.isLowSurrogate(c) && at > 0 && Character.isHighSurrogate(text.charAt(at - 1));
                if (paired || GeneratedText.allowedInXml(c) && !Character.isSurrogate(c) && c != 0x7F) {
                    assertEquals(c, shown.charAt(at), "kept at " + at + " of string " + i);
                }
            }
        }
    }

    @Test
    void theWriterShowsTheSameTextHoweverTheWritesCutIt() throws IOException {
        Random random = new Random(18);
        for (int i = 0; i < 5_000; i++) {
            String text = GeneratedText.next(random, 60);
            StringWriter target = new StringWriter();
            try (Writer writer = VisibleText.writer(target)) {
                int at = 0;
                while (at < text.length()) {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(4));
                    if (random.nextBoolean()) {
                        writer.write(text, at, end - at);
                    } else {
                        writer.write(text.substring(at, end).toCharArray());
                    }
                    writer.flush();
                    at = end;
                }
            }
            assertEquals(VisibleText.of(text), target.toString(), "seed 18, string " + i);
        }
    }

    @Test
    void theWriterCompletesAPairSplitOverTwoWritesAndReplacesAHalfLeftAtClose() throws IOException {
        StringWriter target = new StringWriter();
        Writer writer = VisibleText.writer(target);
        writer.write("a\uD83D");
        writer.flush();
        assertEquals("a", target.toString(), "the high half waits for its other half");
        writer.write("\uDE00\uD83D");
        writer.close();
        assertEquals("a😀�", target.toString());
    }
}
