package io.github.speedup.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The file Eclipse's m2e reads from the plugin jar, so that an IDE build never measures. */
class EclipseMetadataTest {

    @Test
    void m2eIgnoresTheGoalsThatMeasureOrGate() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            assertNotNull(in, "META-INF/m2e/lifecycle-mapping-metadata.xml is on the plugin's class path (in the jar)");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(in);
            Element execution = (Element) document.getElementsByTagName("pluginExecution").item(0);
            List<String> goals = new ArrayList<>();
            for (int i = 0; i < execution.getElementsByTagName("goal").getLength(); i++) {
                goals.add(execution.getElementsByTagName("goal").item(i).getTextContent());
            }
            assertEquals(List.of("run", "check"), goals);
            assertEquals(1, execution.getElementsByTagName("ignore").getLength());
        }
    }
}
