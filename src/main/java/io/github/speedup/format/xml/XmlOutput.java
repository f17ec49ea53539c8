package io.github.speedup.format.xml;

import io.github.speedup.text.VisibleText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where both XML files are written to. StAX escapes markup but passes every other character
 * through, a NUL or an ANSI escape from an exception message included, and then no parser reads
 * the file; so every character goes through {@link VisibleText} on its way out, whichever attribute
 * or element it belongs to. The JDK's own StAX writer, not one a class path may bring, since only it
 * is known to hand such characters to the writer as they are (rather than as character references
 * that would slip past it). {@link XMLStreamWriter#close()} flushes everything into {@code out}.
 * <p>
 * StAX also writes a line break or tab inside an attribute value as it is, and a parser reads each
 * back as a space (attribute-value normalisation): an exception's stack in {@code incomplete/@reason}
 * came back on one line, and the report read back was not the one written. {@link AttributeBreaks}
 * writes them as character references, which a parser keeps.
 */
final class XmlOutput {

    private XmlOutput() {
    }

    /** A writer whose document is UTF-8, started with its XML declaration. */
    static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(
                new AttributeBreaks(VisibleText.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8))));
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        return xml;
    }

    /**
     * Passes StAX's output through, but within an attribute value writes a line feed, carriage return
     * or tab as a character reference. StAX escapes {@code <} everywhere and {@code "} within a value,
     * so an unescaped {@code <} opens a tag and, within one, {@code ="} opens a value and {@code "}
     * closes it; comments and declarations hold no attributes of ours.
     */
    static final class AttributeBreaks extends FilterWriter {

        private boolean inTag;
        private boolean inValue;
        private char previous;

        AttributeBreaks(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (inValue && (ch == '\n' || ch == '\r' || ch == '\t')) {
                out.write("&#" + (int) ch + ';');
                previous = ch;
                return;
            }
            if (inValue) {
                inValue = ch != '"';
            } else if (inTag) {
                inValue = ch == '"' && previous == '=';
                inTag = ch != '>';
            } else {
                inTag = ch == '<';
            }
            previous = ch;
            out.write(c);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }
    }

    /** Ends the root element on a line of its own and the document, and flushes it all into the stream. */
    static void finish(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }
}
