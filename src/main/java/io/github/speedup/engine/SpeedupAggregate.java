package io.github.speedup.engine;

import io.github.speedup.check.Verdict;
import io.github.speedup.format.AggregateReport;
import io.github.speedup.format.AtomicFiles;
import io.github.speedup.format.html.AggregateHtmlWriter;
import io.github.speedup.format.xml.AggregateXmlWriter;
import io.github.speedup.format.xml.ReportFormatException;
import io.github.speedup.format.xml.XmlReportReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The core API behind {@code speedup:report-aggregate}: reads the modules' reports, writes one page and one XML. */
public final class SpeedupAggregate {

    /**
     * A module as the build knows it.
     *
     * @param id         its {@code groupId:artifactId}
     * @param reportFile where its {@code speedup.xml} would be
     * @param source     what put it there: the module's configuration, a property, the default
     * @param whyMissing why there may be no report there, and what to do about it
     */
    public record ModuleInput(String id, Path reportFile, String source, String whyMissing) {
    }

    private SpeedupAggregate() {
    }

    /**
     * @param warnings told of each module without a report: where it was looked for, and why it may not be there
     * @return the page written
     * @throws SpeedupException when a module's report is unreadable (naming it) or the files cannot be written
     */
    public static Path write(List<ModuleInput> modules, Path directory, Consumer<String> warnings)
            throws SpeedupException {
        List<AggregateReport.Module> read = new ArrayList<>();
        for (ModuleInput module : modules) {
            Path xml = module.reportFile();
            Path page = xml.resolveSibling("index.html");
            String link = Files.isRegularFile(page)
                    ? directory.toAbsolutePath().normalize().relativize(page.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/') : null;
            if (!Files.isRegularFile(xml)) {
                String missing = "no speedup report at " + xml + " (" + module.source() + "): " + module.whyMissing();
                warnings.accept("Module " + module.id() + " is not in the aggregate: " + missing);
                read.add(new AggregateReport.Module(module.id(), null, null, Verdict.NONE, missing));
                continue;
            }
            try {
                XmlReportReader.StoredReport stored = XmlReportReader.read(xml);
                read.add(new AggregateReport.Module(module.id(), link, stored.report(), stored.verdict(), null));
            } catch (ReportFormatException e) {
                throw new SpeedupException("Cannot aggregate module " + module.id() + ": " + e.getMessage(), e);
            }
        }
        AggregateReport aggregate = new AggregateReport(read);
        Path page = directory.resolve(AggregateHtmlWriter.FILE_NAME);
        try {
            AtomicFiles.write(page, out -> new AggregateHtmlWriter().write(aggregate, out));
            AtomicFiles.write(directory.resolve(AggregateXmlWriter.FILE_NAME),
                    out -> new AggregateXmlWriter().write(aggregate, out));
        } catch (IOException e) {
            throw new SpeedupException("Cannot write the aggregate speedup report to " + directory + ": "
                    + e.getMessage(), e);
        }
        return page;
    }
}
