package io.github.speedup.format.xml;

import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Reading written reports back in tests: schema validation and safe parsing. */
public final class ReportXml {

    private ReportXml() {
    }

    /** Validates against the schema shipped in the jar. */
    public static void validate(byte[] xml) throws Exception {
        URL schema = XmlReportWriter.class.getResource(XmlReportWriter.SCHEMA_RESOURCE);
        assertNotNull(schema, "the XSD ships with the classes");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.newSchema(schema).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Parses with DTDs and external entities off, as every XML reader of the project must. */
    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

}
