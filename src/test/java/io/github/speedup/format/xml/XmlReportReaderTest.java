package io.github.speedup.format.xml;

import io.github.speedup.check.Verdict;
import io.github.speedup.report.Report;
import io.github.speedup.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlReportReaderTest {

    @TempDir
    Path dir;

    private Path written(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlReportWriter().write(report, Verdict.NONE, out);
        Path file = dir.resolve("speedup.xml");
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void whatIsWrittenReadsBackToTheSameReport() throws Exception {
        for (boolean complete : new boolean[] {true, false}) {
            Report original = ReportFixtures.report(complete);
            Path file = written(original);
            XmlReportReader.StoredReport read = XmlReportReader.read(file);
            assertEquals(original, read.report());
            assertEquals(Verdict.NONE, read.verdict());
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            new XmlReportWriter().write(read.report(), read.verdict(), again);
            assertArrayEquals(Files.readAllBytes(file), again.toByteArray(), "a round trip changes nothing");
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> XmlReportReader.read(dir.resolve("nope.xml")));
        assertTrue(e.getMessage().contains("nope.xml") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void corruptAndForeignFilesAreClearErrors() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.xml"), "<report schemaVersion=\"1\"><environ");
        assertTrue(assertThrows(ReportFormatException.class, () -> XmlReportReader.read(corrupt)).getMessage()
                .contains("corrupt.xml: it is not a readable XML report"));
        Path future = Files.writeString(dir.resolve("future.xml"),
                Files.readString(written(ReportFixtures.report(true))).replace("schemaVersion=\"1\"", "schemaVersion=\"2\""));
        assertTrue(assertThrows(ReportFormatException.class, () -> XmlReportReader.read(future)).getMessage()
                .contains("its schemaVersion is '2'; this plugin reads schemaVersion 1"));
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<report schemaVersion=\"1\">&x;</report>", StandardCharsets.UTF_8);
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> XmlReportReader.read(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }
}
