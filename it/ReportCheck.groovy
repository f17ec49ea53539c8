// Shared by the verify scripts: finds the report, validates it against the XSD shipped in the
// installed plugin jar, and parses it with DTDs refused.
import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory

class ReportCheck {
    static def load(File basedir, File localRepositoryPath, String version) {
        File xml = new File(basedir, 'target/site/speedup/speedup.xml')
        assert xml.isFile(): "no report at $xml"
        File jar = new File(localRepositoryPath,
                "io/github/speedup/speedup-maven-plugin/$version/speedup-maven-plugin-${version}.jar")
        assert jar.isFile(): "plugin jar not installed at $jar"
        URL xsd = new URL("jar:${jar.toURI()}!/io/github/speedup/report/xml/speedup-1.xsd")
        def factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        factory.newSchema(xsd).newValidator().validate(new StreamSource(xml))
        // Read back and written again, the report is the same bytes: speedup:check judges what the run wrote.
        io.github.speedup.format.xml.ReportRoundTrip.check(xml.toPath())
        def slurper = new groovy.xml.XmlSlurper(false, false, false)
        return slurper.parse(xml)
    }

    static def result(def report, String workload, String mode, int workers) {
        def w = report.workload.find { it.@name.text() == workload }
        assert w.size() == 1: "no workload $workload"
        def r = w.result.find { it.@mode.text() == mode && (it.@workers.text() as int) == workers }
        assert r.size() == 1: "no result for $workload $mode ×$workers"
        return r
    }
}
