package io.github.speedup.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import io.github.speedup.execution.breakdown.BreakdownImportsThePlugin;
import io.github.speedup.report.ComputesInTheModel;
import io.github.speedup.report.Pattern;
import io.github.speedup.report.Report;
import io.github.speedup.text.VisibleText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages depend one way, as the Layout section of {@code src/site/markdown/development.md}
 * draws them: each layer may use the layers below it and none above, and no two packages depend
 * on each other.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.speedup";

    /**
     * Top to bottom. The measuring side (runner down to workload) knows nothing of reports; the
     * report side builds on what was measured; formats and checks read the model; the mojos and
     * the core API they call sit on top.
     */
    static final Map<String, List<String>> LAYERS = layers(
            "maven", "maven..",
            "engine", "engine..",
            "history", "history..",
            "config", "config..",
            "formats", "format.xml.., format.html.., format.console.., format.json.., format.markdown..",
            "format seam", "format",
            "check", "check..",
            "analysis", "analysis..",
            "report model", "report..",
            "runner", "runner..",
            "plan", "plan..",
            "execution", "execution..",
            "measure", "measure..",
            "workload", "workload..",
            "stats", "stats..",
            "vocabulary", "vocabulary..",
            "text", "text..");

    /**
     * The rooms of {@code execution}, each with the rooms it may use: the arrows run one way, from the
     * child JVM's main class down through the modes to the launcher, the protocol, what every child
     * shares and the seam. No mode uses another, but the cluster, whose driver deals its tasks out as
     * the pool does ({@code TaskDispatch}). The seam ({@code execution} itself) uses none of them but the breakdown,
     * which its executors return and which depends on the JDK alone.
     */
    static final Map<String, List<String>> EXECUTION_ROOMS = rooms(
            "fork", "injvm, processes, pool, cluster, launch, protocol, child, seam",
            "injvm", "launch, protocol, child, breakdown, seam",
            "processes", "launch, protocol, child, seam",
            "cluster", "pool, launch, protocol, child, seam",
            "pool", "launch, protocol, child, breakdown, seam",
            "launch", "protocol, child, seam",
            "protocol", "child, breakdown, seam",
            "child", "seam",
            "seam", "breakdown",
            "breakdown", "");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredRule().check(classes);
    }

    @Test
    void noTwoTopLevelPackagesDependOnEachOther() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noTwoPackagesAtAnyDepthDependOnEachOther() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * The breakdown runs inside the workload's JVM, wherever the fork protocol carries it, and must
     * load in a JVM without the flight recorder: it uses the JDK and nothing else of ours or anyone's.
     */
    @Test
    void theBreakdownDependsOnNothingButTheJdk() {
        breakdownRule().check(classes);
    }

    @Test
    void theBreakdownRuleCatchesADependencyOnThePlugin() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(BreakdownImportsThePlugin.class,
                VisibleText.class);
        AssertionError error = assertThrows(AssertionError.class, () -> breakdownRule().check(withViolation));
        assertTrue(error.getMessage().contains("io.github.speedup.text.VisibleText"), error.getMessage());
    }

    static ArchRule breakdownRule() {
        return classes().that().resideInAPackage(BASE + ".execution.breakdown..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".execution.breakdown..", "java..", "jdk.jfr..",
                        // the JDK's per-thread allocation counter (module jdk.management), loaded only where present
                        "com.sun.management..")
                .because("it runs inside the workload's JVM, which may have no plugin classes but these");
    }

    /**
     * The report model is data: every format and check reads what the analysis computed once and a
     * report read back restores as written, so nothing in it may compute a figure of its own. A class
     * that is not a record or an enum is where such computing hides (a helper of static methods, a
     * class with mutable state); the layering already keeps the model from calling the analysis.
     */
    @Test
    void theReportModelHoldsRecordsAndEnumsOnly() {
        reportModelRule().check(classes);
    }

    @Test
    void theReportModelRuleCatchesAClassThatComputes() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(ComputesInTheModel.class, Report.class,
                Pattern.class);
        AssertionError error = assertThrows(AssertionError.class, () -> reportModelRule().check(withViolation));
        assertTrue(error.getMessage().contains("io.github.speedup.report.ComputesInTheModel"), error.getMessage());
        assertFalse(error.getMessage().contains("io.github.speedup.report.Report "), error.getMessage());
    }

    static ArchRule reportModelRule() {
        return classes().that().resideInAPackage(BASE + ".report..").and().doNotHaveSimpleName("package-info")
                .should().beRecords().orShould().beEnums()
                .because("the model holds what the analysis computed once; computing belongs in analysis");
    }

    @Test
    void theRoomsOfExecutionUseOnlyTheRoomsTheyMay() {
        executionRule().check(classes);
    }

    @Test
    void theExecutionRuleCatchesAModeThatUsesAnother() {
        JavaClasses withViolation = new ClassFileImporter().importPackages(BASE + ".execution");
        AssertionError error = assertThrows(AssertionError.class, () -> executionRule().check(withViolation));
        assertTrue(error.getMessage().contains("io.github.speedup.execution.processes.UsesThePool"), error.getMessage());
    }

    @Test
    void theRulesCatchAnImportThatGoesUp() {
        JavaClasses withViolation = new ClassFileImporter().importPackages(BASE + ".measure", BASE + ".report");
        AssertionError error = assertThrows(AssertionError.class, () -> layeredRule().check(withViolation));
        assertTrue(error.getMessage().contains("io.github.speedup.measure.ImportsUpwards"), error.getMessage());
    }

    static ArchRule layeredRule() {
        Architectures.LayeredArchitecture architecture = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            architecture = architecture.layer(layer.getKey()).definedBy(layer.getValue().toArray(String[]::new));
        }
        List<String> names = List.copyOf(LAYERS.keySet());
        for (int i = 1; i < names.size(); i++) {
            architecture = architecture.whereLayer(names.get(i))
                    .mayOnlyBeAccessedByLayers(names.subList(0, i).toArray(String[]::new));
        }
        return architecture.whereLayer(names.get(0)).mayNotBeAccessedByAnyLayer();
    }

    /** Per room of {@code execution}, the rooms that may use it: the inverse of {@link #EXECUTION_ROOMS}. */
    static ArchRule executionRule() {
        Architectures.LayeredArchitecture architecture = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String room : EXECUTION_ROOMS.keySet()) {
            architecture = architecture.layer(room).definedBy(room.equals("seam") ? BASE + ".execution"
                    : BASE + ".execution." + room + "..");
        }
        for (String room : EXECUTION_ROOMS.keySet()) {
            String[] users = EXECUTION_ROOMS.entrySet().stream().filter(e -> e.getValue().contains(room))
                    .map(Map.Entry::getKey).toArray(String[]::new);
            architecture = users.length == 0 ? architecture.whereLayer(room).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(room).mayOnlyBeAccessedByLayers(users);
        }
        return architecture;
    }

    private static Map<String, List<String>> rooms(String... roomAndUsed) {
        Map<String, List<String>> rooms = new LinkedHashMap<>();
        for (int i = 0; i < roomAndUsed.length; i += 2) {
            rooms.put(roomAndUsed[i], roomAndUsed[i + 1].isEmpty() ? List.of() : List.of(roomAndUsed[i + 1].split(", ")));
        }
        return rooms;
    }

    private static Map<String, List<String>> layers(String... nameAndPackages) {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPackages.length; i += 2) {
            layers.put(nameAndPackages[i], Arrays.stream(nameAndPackages[i + 1].split(", "))
                    .map(pkg -> BASE + "." + pkg).toList());
        }
        return layers;
    }
}
