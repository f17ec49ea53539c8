package io.github.speedup.format.xml;

import io.github.speedup.text.VisibleText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where both XML files are written to. StAX escapes markup but passes every other character
 * through, a NUL or an ANSI escape from an exception message included, and then no parser reads
 * the file; so every character goes through {@link VisibleText} on its way out, whichever attribute
 * or element it belongs to. The JDK's own StAX writer, not one a class path may bring, since only it
 * is known to hand such characters to the writer as they are (rather than as character references
 * that would slip past it). {@link XMLStreamWriter#close()} flushes everything into {@code out}.
 */
final class XmlOutput {

    private XmlOutput() {
    }

    /** A writer whose document is UTF-8, started with its XML declaration. */
    static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(
                VisibleText.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        return xml;
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
