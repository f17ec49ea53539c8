package io.github.speedup.format.xml;

import io.github.speedup.check.CheckResult;
import io.github.speedup.check.Metric;
import io.github.speedup.check.CheckKind;
import io.github.speedup.check.CheckStatus;
import io.github.speedup.check.Verdict;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code TEST-speedup.xml}: the gate's checks as the JUnit XML that Surefire writes, so that the
 * test report of Jenkins, GitLab or a GitHub action shows a failed speedup check beside a failed
 * test. One {@code testsuite} named after the module; one {@code testcase} per check, its
 * {@code classname} the workload and its {@code name} the check (kind, mode ×workers, metric, and
 * a rule's limit):
 * a failed check is a {@code failure} with its message, an inconclusive or not compared one is
 * {@code skipped} with its reason and message, a passed or improved one passes. Checks take no
 * time of their own ({@code time="0"}): the measuring is in the report, not in the tests.
 */
public final class JunitXmlWriter {

    /** Surefire's convention: {@code TEST-<suite>.xml}, the name CI test-report globs look for. */
    public static final String FILE_NAME = "TEST-speedup.xml";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final String suite;
    private final Instant written;

    /**
     * @param suite   the {@code testsuite}'s name: the module's, as Surefire names a suite after its class
     * @param written when the checks were made, the suite's {@code timestamp} (UTC, to the second)
     */
    public JunitXmlWriter(String suite, Instant written) {
        this.suite = suite;
        this.written = written.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Writes the verdict's checks as one test suite, UTF-8, every user string escaped. */
    public void write(Verdict verdict, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("time", "0");
            xml.writeAttribute("tests", String.valueOf(verdict.checks().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(count(verdict, CheckStatus.INCONCLUSIVE)
                    + count(verdict, CheckStatus.NOT_COMPARED)));
            xml.writeAttribute("failures", String.valueOf(count(verdict, CheckStatus.FAIL)));
            xml.writeAttribute("timestamp", TIMESTAMP.format(written));
            for (CheckResult check : verdict.checks()) {
                testcase(xml, check);
            }
            XmlOutput.finish(xml);
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter xml, CheckResult check) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean passed = check.status() == CheckStatus.PASS || check.status() == CheckStatus.IMPROVED;
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", name(check));
        xml.writeAttribute("classname", check.workload());
        xml.writeAttribute("time", "0");
        if (passed) {
            return;
        }
        xml.writeCharacters("\n    ");
        if (check.failed()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", check.message());
            xml.writeAttribute("type", "speedup." + check.kind().id());
            xml.writeCharacters(check.message());
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", skipReason(check));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /**
     * The check as the test report lists it: {@code baseline threads ×2 time}; a rule with its limit,
     * {@code rule threads ×2 speedup ≥ 1.50}, so that two rules on one result are two names in a CI's
     * test tab.
     */
    static String name(CheckResult check) {
        String name = check.kind().id() + " " + check.mode().id() + " ×" + check.workers() + " " + check.metric().id();
        if (check.kind() != CheckKind.RULE || Double.isNaN(check.limit())) {
            return name;
        }
        return name + (check.metric() == Metric.MEDIAN_MS ? " ≤ " : " ≥ ")
                + String.format(Locale.ROOT, "%.2f", check.limit());
    }

    /**
     * Why it was not judged: the status, the short reason where the check has one, and the message,
     * which says the figures ({@code inconclusive (not significant): …}).
     */
    static String skipReason(CheckResult check) {
        String status = check.status() == CheckStatus.INCONCLUSIVE ? "inconclusive" : "not compared";
        return status + (check.reason() == null ? "" : " (" + check.reason() + ")") + ": " + check.message();
    }

    private static long count(Verdict verdict, CheckStatus status) {
        return verdict.checks().stream().filter(check -> check.status() == status).count();
    }
}
