package io.github.speedup.format.xml;

import io.github.speedup.format.AggregateReport;
import io.github.speedup.analysis.Figures;
import io.github.speedup.report.ResultReport;
import io.github.speedup.report.WorkloadReport;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code speedup-aggregate.xml}: per module, per workload, the best mode, its speedup and the
 * reading, and the module's checks; the figures behind them are in each module's own
 * {@code speedup.xml}, which {@code report} names.
 */
public final class AggregateXmlWriter {

    public static final String FILE_NAME = "speedup-aggregate.xml";

    public void write(AggregateReport aggregate, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            xml.writeCharacters("\n");
            xml.writeStartElement("aggregate");
            for (AggregateReport.Module module : aggregate.modules()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("module");
                xml.writeAttribute("id", module.id());
                if (module.page() != null) {
                    xml.writeAttribute("page", module.page());
                }
                if (!module.measured()) {
                    xml.writeAttribute("missing", module.missing());
                } else {
                    xml.writeAttribute("checksPassed", String.valueOf(module.verdict().passed()));
                    xml.writeAttribute("failedChecks", String.valueOf(module.verdict().failures().size()));
                    for (WorkloadReport workload : module.report().workloads()) {
                        workload(xml, workload);
                    }
                    xml.writeCharacters("\n  ");
                }
                xml.writeEndElement();
            }
            XmlOutput.finish(xml);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static void workload(XMLStreamWriter xml, WorkloadReport workload) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("workload");
        xml.writeAttribute("name", workload.name());
        xml.writeAttribute("reading", workload.diagnosis().pattern().id());
        Optional<ResultReport> best = workload.best();
        if (best.isPresent()) {
            xml.writeAttribute("bestMode", best.get().mode().id());
            xml.writeAttribute("bestWorkers", String.valueOf(best.get().workers()));
            xml.writeAttribute("speedup", Figures.exact(best.get().speedup()));
            xml.writeAttribute("medianMs", Figures.exact(best.get().wallMs().median()));
        }
    }
}
