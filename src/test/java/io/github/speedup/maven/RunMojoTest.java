package io.github.speedup.maven;

import io.github.speedup.format.xml.ReportXml;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class RunMojoTest {

    @Test
    @InjectMojo(goal = "run", pom = "classpath:/unit/run/pom.xml")
    void measuresAndWritesBothReports(RunMojo mojo) throws Exception {
        Path out = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        Files.deleteIfExists(out.resolve("speedup.xml"));
        mojo.execute();
        byte[] xml = Files.readAllBytes(out.resolve("speedup.xml"));
        ReportXml.validate(xml);
        Document doc = ReportXml.parse(xml);
        Element workload = (Element) doc.getElementsByTagName("workload").item(0);
        assertEquals("naps", workload.getAttribute("name"));
        NodeList results = workload.getElementsByTagName("result");
        assertEquals(3, results.getLength(), "sequential ×1, threads ×2, processes ×2");
        Element threads = (Element) results.item(1);
        double speedup = Double.parseDouble(threads.getAttribute("speedup"));
        assertTrue(speedup > 1.4 && speedup < 2.3, "4 sleeps on 2 threads: about 2×, was " + speedup);
        assertTrue(Files.readString(out.resolve("index.html")).contains("<svg"));
    }

    @Test
    @InjectMojo(goal = "run", pom = "classpath:/unit/run/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "outputDirectory", value = "${basedir}/target/skipped-run")
    void skipMeasuresNothingAndWritesNothing(RunMojo mojo) throws Exception {
        Path out = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        assertTrue(out.endsWith("skipped-run"), "the run would write here: " + out);
        TestFiles.deleteTree(out);
        mojo.execute();
        assertFalse(Files.exists(out), "without skip the run writes its reports into " + out);
        assertEquals(0, ProcessHandle.current().descendants().count(), "no JVM was started");
    }

    @Test
    @InjectMojo(goal = "run", pom = "classpath:/unit/bad-kind/pom.xml")
    void anUnknownKindFailsWithAClearMessage(RunMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Invalid value for parameter 'workloads/workload[disk]/kind': 'io'. "
                + "Allowed: sleep, cpu, contended, alloc, seed-demo.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "run", pom = "classpath:/unit/run/pom.xml")
    @MojoParameter(name = "iterationOrder", value = "blocks")
    @MojoParameter(name = "compareWith", value = "1.0")
    void compareWithInTheBlocksOrderFailsBeforeAnythingIsResolvedOrMeasured(RunMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Invalid value for parameter 'iterationOrder': 'blocks'. Allowed: interleaved when compareWith "
                + "is set (here 1.0): the two versions are measured in the same rounds and paired by round, and "
                + "blocks takes no rounds.", e.getMessage());
        assertEquals(0, ProcessHandle.current().descendants().count(), "no JVM was started");
    }
}
