package io.github.speedup.docs;

import io.github.speedup.format.xml.JunitXmlWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Actions workflow of the manual ({@code ci.md}) against the file users copy
 * ({@code src/site/resources/ci/github-actions.yml}) and against what was run here: its Maven
 * commands are the invocations of the {@code compare-with} integration test that check what the
 * workflow relies on (the history folder, the job summary, the test report), so a command
 * changed in one place and not the other fails here. The YAML is parsed with SnakeYAML; the
 * workflow schema itself is checked by {@code action-validator} in {@code .ci/run}.
 */
class CiRecipeTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path WORKFLOW = BASE.resolve("src/site/resources/ci/github-actions.yml");
    private static final Path PAGE = BASE.resolve("src/site/markdown/ci.md");
    private static final Path INVOKER = BASE.resolve("it/compare-with/invoker.properties");
    private static final Pattern BLOCK = Pattern.compile(
            "(?s)<!-- workflow: src/site/resources/ci/github-actions\\.yml -->\\n```yaml\\n(.*?)^```$", Pattern.MULTILINE);

    private static Map<String, Object> workflow;
    private static List<Map<String, Object>> steps;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader in = Files.newBufferedReader(WORKFLOW)) {
            workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertEquals(List.of("speedup"), List.copyOf(jobs.keySet()));
        steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("speedup")).get("steps");
    }

    @Test
    void theManualShowsTheWorkflowFileAsItIs() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(PAGE));
        assertTrue(block.find(), "ci.md has the ```yaml block after <!-- workflow: ... -->");
        assertEquals(Files.readString(WORKFLOW), block.group(1));
    }

    @Test
    void itRunsOnPushesAndPullRequestsAndMayPublishChecks() {
        // YAML 1.1, which SnakeYAML reads, takes the key `on` for true; GitHub reads it as the word
        Map<?, ?> triggers = (Map<?, ?>) workflow.get(Boolean.TRUE);
        assertEquals(List.of("push", "pull_request"), List.copyOf(triggers.keySet()));
        assertEquals(Map.of("contents", "read", "checks", "write"), workflow.get("permissions"));
    }

    @Test
    void itsMavenCommandsAreTheOnesTheCompareWithIntegrationTestRuns() throws IOException {
        Properties invoker = new Properties();
        try (Reader in = Files.newBufferedReader(INVOKER)) {
            invoker.load(in);
        }
        List<Map<String, Object>> builds = steps.stream().filter(s -> s.containsKey("run")).toList();
        assertEquals(List.of("github.event_name != 'pull_request'", "github.event_name == 'pull_request'"),
                builds.stream().map(s -> s.get("if")).toList());
        assertEquals(List.of("mvn " + invoker.getProperty("invoker.goals.2"), "mvn " + invoker.getProperty("invoker.goals.3")),
                builds.stream().map(s -> s.get("run")).toList());
        assertEquals("unchanged", invoker.getProperty("invoker.project.2"));
        assertEquals("unchanged", invoker.getProperty("invoker.project.3"));
        assertTrue(invoker.getProperty("invoker.environmentVariables.GITHUB_STEP_SUMMARY") != null,
                "the integration test names a job summary file, as GitHub does");
        // only the pull request measures the previous release
        assertTrue(!((String) builds.get(0).get("run")).contains("compareWith")
                && ((String) builds.get(1).get("run")).endsWith(" -Dspeedup.compareWith=RELEASE"));
    }

    @Test
    void theJobSummaryComesFromTheFormatsThePomOfTheManualAndOfTheIntegrationTestList() throws IOException {
        // invoker splits its goals at commas, so the list cannot go on the workflow's command line
        String formats = "<formats>html,xml,markdown</formats>";
        assertTrue(Files.readString(PAGE).contains("  " + formats + "   <!-- html and xml are the default -->"));
        assertTrue(Files.readString(INVOKER.resolveSibling("unchanged/pom.xml")).contains(formats));
    }

    @Test
    void theHistoryFolderIsCachedPerRunnerAndSavedWhateverTheGateSaid() {
        Map<String, Object> restore = with(step("actions/cache/restore@v5"));
        Map<String, Object> saved = step("actions/cache/save@v5");
        String key = "speedup-${{ runner.os }}-${{ runner.arch }}-${{ github.run_id }}-${{ github.run_attempt }}";
        assertEquals(Map.of("path", ".speedup", "key", key, "restore-keys", "speedup-${{ runner.os }}-${{ runner.arch }}-"),
                restore);
        assertEquals(Map.of("path", ".speedup", "key", key), with(saved));
        assertEquals("always()", saved.get("if"));
        steps.stream().filter(s -> s.containsKey("run")).forEach(b ->
                assertTrue(((String) b.get("run")).contains(" -Dspeedup.historyDirectory=.speedup "), b.toString()));
    }

    @Test
    void theTestReportReadsTheFileTheGoalsWrite() throws IOException {
        Map<String, Object> report = step("mikepenz/action-junit-report@v6");
        assertEquals("always()", report.get("if"));
        String glob = (String) with(report).get("report_paths");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // Java's `**/` needs one folder at least, where the action's globber also matches none (a
        // single-module build): a module's file stands for both
        for (String module : List.of("app/", "parent/app/")) {
            Path file = Path.of(module + "target/speedup-reports/" + JunitXmlWriter.FILE_NAME);
            assertTrue(matcher.matches(file), glob + " finds " + file);
        }
        assertEquals("**/target/speedup-reports/TEST-*.xml", glob);
        // the folder is the default of reportsDirectory, as the plugin descriptor says
        String descriptor = Files.readString(BASE.resolve("target/classes/META-INF/maven/plugin.xml"));
        assertTrue(descriptor.contains("<reportsDirectory implementation=\"java.io.File\" "
                + "default-value=\"${project.build.directory}/speedup-reports\">${speedup.reportsDirectory}</reportsDirectory>"));
    }

    private static Map<String, Object> step(String uses) {
        return steps.stream().filter(s -> uses.equals(s.get("uses"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses + " in " + WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> step) {
        return (Map<String, Object>) step.get("with");
    }
}
