package io.github.speedup.format.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import io.github.speedup.text.VisibleText;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * The JSON generator both tracker formats are written with: Jackson's, which escapes every string
 * and writes every number as JSON parsers read it.
 */
final class Json {

    /** The caller's stream stays open: the caller owns it ({@code AtomicFiles} closes it, then moves the file). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /** Two spaces per level and {@code "name": value}, with {@code \n} on every system. */
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private Json() {
    }

    /**
     * A UTF-8 generator into {@code out}, indented, whose field names and string values go through
     * {@link VisibleText}: JSON could hold an ESC or a NUL as {@code \u001b}, but a person reading
     * the tracker sees nothing, so they are shown as in every other format. Closing it flushes
     * into {@code out} and leaves {@code out} open.
     */
    static JsonGenerator open(OutputStream out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(INDENT).withArrayIndenter(INDENT);
        return new VisibleStrings(FACTORY.createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(pretty));
    }

    /**
     * A finite number as a plain decimal with no zeros after its last significant digit:
     * {@code 65784000}, {@code 65784000.0000001}, {@code 0.000123}; it reads back as the same
     * double ({@link BigDecimal#valueOf} keeps {@link Double#toString}'s digits).
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold; the callers leave those out
     */
    static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        json.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros());
    }

    /** Names and strings through {@link VisibleText}, whichever write method carries them. */
    private static final class VisibleStrings extends JsonGeneratorDelegate {

        VisibleStrings(JsonGenerator json) {
            super(json, false);
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            super.writeFieldName(VisibleText.of(name));
        }

        @Override
        public void writeString(String text) throws IOException {
            super.writeString(VisibleText.of(text));
        }

        @Override
        public void writeString(char[] text, int offset, int length) throws IOException {
            writeString(new String(text, offset, length));
        }
    }
}
