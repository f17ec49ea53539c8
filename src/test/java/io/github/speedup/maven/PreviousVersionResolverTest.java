package io.github.speedup.maven;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.speedup.plan.PreviousVersion;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.installation.InstallRequest;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolves earlier versions with Maven's own resolver (the one Maven 3.9 runs, from
 * maven-resolver-provider) in a local repository that each test fills with real jars and POMs,
 * offline, as under {@code mvn -o}.
 */
class PreviousVersionResolverTest {

    private static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.example.org/maven2").build();

    @TempDir
    Path dir;

    private Path local;
    private RepositorySystem system;
    private DefaultRepositorySystemSession session;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("deprecation") // the service locator: how a test gets the resolver Maven 3.9 runs without Maven
    void repository() {
        system = MavenRepositorySystemUtils.newServiceLocator().getService(RepositorySystem.class);
        session = MavenRepositorySystemUtils.newSession();
        local = dir.resolve("repository");
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(local.toFile())));
        session.setOffline(true);
    }

    @Test
    void releaseIsTheNewestReleaseBeforeTheBaseVersionOfASnapshot() throws Exception {
        for (String version : List.of("1.0", "1.9", "1.10-rc-1", "1.10", "1.11-SNAPSHOT", "1.11", "2.0")) {
            install("com.acme:lib:" + version);
        }
        assertEquals("1.10", resolve("RELEASE", project("1.11-SNAPSHOT")).orElseThrow().version(),
                "1.10 is after 1.9 in the resolver's order; 1.11-SNAPSHOT is no release, 1.11 is not before 1.11");
        assertEquals("1.10-rc-1", resolve("RELEASE", project("1.10")).orElseThrow().version(),
                "a release build compares with the release before it, not with itself; a candidate is a release");
        assertEquals("1.10", resolve("RELEASE", project("1.10.1-SNAPSHOT")).orElseThrow().version());
        assertEquals(List.of(
                "[INFO] compareWith RELEASE: the workloads are measured against com.acme:lib:1.10 too",
                "[INFO] compareWith RELEASE: the workloads are measured against com.acme:lib:1.10-rc-1 too",
                "[INFO] compareWith RELEASE: the workloads are measured against com.acme:lib:1.10 too"), log);
    }

    @Test
    void eachModuleOfAMultiModuleBuildComparesWithItsOwnArtifact() throws Exception {
        install("com.acme:lib:1.0");
        install("com.acme:lib:1.1");
        install("com.acme:app:2.0");
        MavenProject app = project("2.1-SNAPSHOT");
        app.setArtifactId("app");
        assertEquals("com.acme:app:2.0", resolve("RELEASE", app).orElseThrow().artifact());
        assertEquals("com.acme:lib:1.1", resolve("RELEASE", project("1.2-SNAPSHOT")).orElseThrow().artifact());
        assertEquals(installed("com.acme:app:2.0"), resolve("RELEASE", app).orElseThrow().classPath().get(1));
    }

    @Test
    void releaseWithNoReleaseBeforeComparesNothingAndSaysWhereItLooked() throws Exception {
        install("com.acme:lib:1.0");
        install("com.acme:lib:0.9-SNAPSHOT");
        assertEquals(Optional.empty(), resolve("RELEASE", project("1.0-SNAPSHOT")));
        assertEquals(List.of("[INFO] compareWith RELEASE: no release of com.acme:lib before 1.0-SNAPSHOT in the local"
                + " repository " + local + " (offline: central (https://repo.example.org/maven2) not contacted);"
                + " nothing is compared"), log);
    }

    @Test
    void classPathIsTheWorkloadsThenTheEarlierArtifactWithItsRuntimeDependenciesThenThisBuildsTestDependencies()
            throws Exception {
        install("org.dep:shared:1.0");
        install("org.dep:deep:1.0");
        install("org.dep:middle:1.0", "org.dep:deep:1.0:runtime");
        install("org.dep:optional:1.0");
        install("com.acme:lib:1.0", "org.dep:middle:1.0:compile", "org.dep:shared:1.0:runtime",
                "org.dep:only-its-tests:1.0:test", "org.dep:container:1.0:provided", "org.dep:optional:1.0:compile:true");
        MavenProject project = project("1.1-SNAPSHOT");
        project.setArtifacts(new LinkedHashSet<>(List.of(
                dependency("org.dep:now-main:2.0", "compile"),
                dependency("org.dep:now-runtime:2.0", "runtime"),
                dependency("org.dep:servlet:2.0", "provided"),
                dependency("org.test:assertions:3.0", "test"),
                dependency("org.dep:shared:2.0", "test"),
                dependency("org.test:fixtures:3.0", "test"))));

        PreviousVersion previous = resolve("1.0", project).orElseThrow();

        assertEquals(new PreviousVersion("1.0", "1.0", "com.acme:lib:1.0", List.of(
                dir.resolve("target/test-classes"),
                installed("com.acme:lib:1.0"),
                installed("org.dep:middle:1.0"),
                installed("org.dep:deep:1.0"),
                installed("org.dep:shared:1.0"),
                dir.resolve("dependencies/assertions-3.0.jar"),
                dir.resolve("dependencies/fixtures-3.0.jar"))), previous,
                "not this build's main classes nor its compile, runtime or provided dependencies; not the"
                        + " earlier artifact's test, provided or optional dependencies (as for a project depending on"
                        + " it); shared once, at the earlier artifact's version");
    }

    @Test
    void aVersionThatCannotBeResolvedNamesTheCoordinatesTheParameterAndTheRepositories() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> resolve("9.9", project("1.1-SNAPSHOT")));
        assertEquals("Cannot resolve com.acme:lib:jar:9.9 (parameter 'compareWith': '9.9') from the local repository "
                + local + " (offline: central (https://repo.example.org/maven2) not contacted): "
                + "The following artifacts could not be resolved: com.acme:lib:jar:9.9 (absent): Cannot access central"
                + " (https://repo.example.org/maven2) in offline mode and the artifact com.acme:lib:jar:9.9 has not been"
                + " downloaded from it before.", e.getMessage());
    }

    @Test
    void aMissingRuntimeDependencyOfTheEarlierVersionIsAnErrorToo() throws Exception {
        install("com.acme:lib:1.0", "org.gone:missing:1.0:compile");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> resolve("1.0", project("1.1-SNAPSHOT")));
        assertTrue(e.getMessage().startsWith("Cannot resolve com.acme:lib:jar:1.0 with its runtime dependencies"
                + " (parameter 'compareWith': '1.0') from the local repository " + local
                + " (offline: central (https://repo.example.org/maven2) not contacted): "), e.getMessage());
        assertTrue(e.getMessage().contains("org.gone:missing:jar:1.0"), e.getMessage());
    }

    @Test
    void withoutRemoteRepositoriesOnlyTheLocalOneIsNamed() {
        PreviousVersionResolver resolver = new PreviousVersionResolver(system, session, List.of(), new SystemStreamLog());
        assertEquals("the local repository " + local, resolver.repositoriesTried());
        session.setOffline(false);
        assertEquals("the local repository " + local + " and central (https://repo.example.org/maven2), "
                        + "acme (https://repo.acme.com/releases)",
                new PreviousVersionResolver(system, session, List.of(CENTRAL,
                        new RemoteRepository.Builder("acme", "default", "https://repo.acme.com/releases").build()),
                        new SystemStreamLog()).repositoriesTried());
    }

    @Test
    void usesNoResolverUtilityClassesWhichMavenDoesNotLendToPlugins() {
        // Maven exports org.eclipse.aether's API to plugins, not maven-resolver-util's subpackages: a plugin
        // using DependencyFilterUtils compiles and passes its unit tests, then fails with NoClassDefFoundError
        // in a real build.
        noClasses().should().dependOnClassesThat().resideInAPackage("org.eclipse.aether.util..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.speedup"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''          | ''",
            "'  '        | ''",
            "LATEST      | ' (LATEST may be a SNAPSHOT, RELEASE is never one)'",
            "release     | ' (written RELEASE, in capitals, as in Maven)'",
            "[1.0,2.0)   | ' (one version, not a range: no white space nor any of []()/\\:,\"<>|?*$)'",
            "1.0 1.1     | ' (one version, not a range: no white space nor any of []()/\\:,\"<>|?*$)'",
            "com.acme:lib:1.0 | ' (one version, not a range: no white space nor any of []()/\\:,\"<>|?*$)'"})
    void aValueThatIsNoVersionIsAnErrorSayingWhatIsAllowed(String value, String why) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> resolve(value, project("1.1")));
        assertEquals("Invalid value for parameter 'compareWith': '" + value + "'. Allowed: a version of this project's"
                + " own artifact, such as 1.4.0, or RELEASE for the newest release before this version" + why + ".",
                e.getMessage());
    }

    @Test
    void anAggregatorComparesNothing() throws Exception {
        install("com.acme:lib:1.0");
        MavenProject parent = project("1.1-SNAPSHOT");
        parent.setPackaging("pom");
        parent.setArtifact(new org.apache.maven.artifact.DefaultArtifact("com.acme", "lib", "1.1-SNAPSHOT", null,
                "pom", null, new DefaultArtifactHandler("pom")));
        assertEquals(Optional.empty(), resolve("RELEASE", parent));
        assertEquals(List.of("[INFO] compareWith RELEASE: com.acme:lib:pom:1.1-SNAPSHOT is of packaging pom, which"
                + " has no classes; nothing is compared"), log);
    }

    @Test
    void newestReleaseFollowsTheResolversOrderAndPassesOverSnapshots() throws InvalidVersionSpecificationException {
        assertEquals("1.10", PreviousVersionResolver.newestRelease(versions("1.10", "1.9", "1.2")).orElseThrow().toString());
        assertEquals("1.0", PreviousVersionResolver.newestRelease(versions("1.0-rc-1", "1.0", "1.0-alpha-2"))
                .orElseThrow().toString());
        assertEquals("1.0", PreviousVersionResolver.newestRelease(versions("1.0", "1.1-SNAPSHOT",
                "1.1-20251130.120000-3")).orElseThrow().toString(), "a timestamped snapshot is a SNAPSHOT too");
        assertEquals(Optional.empty(), PreviousVersionResolver.newestRelease(versions("0.1-SNAPSHOT")));
        assertEquals(Optional.empty(), PreviousVersionResolver.newestRelease(List.of()));
    }

    @Test
    void aSnapshotIsOnItsWayToItsBaseVersion() {
        assertEquals("1.1", PreviousVersionResolver.baseVersion("1.1-SNAPSHOT"));
        assertEquals("1.1", PreviousVersionResolver.baseVersion("1.1"));
        assertEquals("2.0-rc-1", PreviousVersionResolver.baseVersion("2.0-rc-1-SNAPSHOT"));
    }

    private Optional<PreviousVersion> resolve(String compareWith, MavenProject project) throws MojoExecutionException {
        return new PreviousVersionResolver(system, session, List.of(CENTRAL), new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("[INFO] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("[WARN] " + content);
            }

            @Override
            public void debug(CharSequence content) {
                if (!content.toString().contains("class path of")) {
                    log.add("[DEBUG] " + content);
                }
            }
        }).resolve(compareWith, project);
    }

    private MavenProject project(String version) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.acme");
        project.setArtifactId("lib");
        project.setVersion(version);
        project.setPackaging("jar");
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        project.setArtifact(new org.apache.maven.artifact.DefaultArtifact("com.acme", "lib", version, null, "jar",
                null, jar));
        project.getBuild().setTestOutputDirectory(dir.resolve("target/test-classes").toString());
        return project;
    }

    /** One of this build's resolved dependencies, with a file of its own outside the repository. */
    private org.apache.maven.artifact.Artifact dependency(String coordinates, String scope) {
        String[] parts = coordinates.split(":");
        org.apache.maven.artifact.Artifact artifact = new org.apache.maven.artifact.DefaultArtifact(parts[0], parts[1],
                parts[2], scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setFile(dir.resolve("dependencies/" + parts[1] + "-" + parts[2] + ".jar").toFile());
        return artifact;
    }

    /** Installs a jar with one entry and a POM with these dependencies (groupId:artifactId:version:scope[:optional]). */
    private void install(String coordinates, String... dependencies) throws Exception {
        Artifact jar = new DefaultArtifact(coordinates);
        Path jarFile = dir.resolve("build/" + jar.getArtifactId() + "-" + jar.getVersion() + ".jar");
        Files.createDirectories(jarFile.getParent());
        try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("com/acme/Marker.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zip.closeEntry();
        }
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>" + jar.getGroupId() + "</groupId><artifactId>"
                + jar.getArtifactId() + "</artifactId><version>" + jar.getVersion() + "</version><dependencies>");
        for (String dependency : dependencies) {
            String[] parts = dependency.split(":");
            pom.append("<dependency><groupId>").append(parts[0]).append("</groupId><artifactId>").append(parts[1])
                    .append("</artifactId><version>").append(parts[2]).append("</version><scope>").append(parts[3])
                    .append("</scope>").append(parts.length > 4 ? "<optional>true</optional>" : "").append("</dependency>");
        }
        pom.append("</dependencies></project>");
        Path pomFile = jarFile.resolveSibling(jar.getArtifactId() + "-" + jar.getVersion() + ".pom");
        Files.writeString(pomFile, pom);
        system.install(session, new InstallRequest()
                .addArtifact(jar.setFile(jarFile.toFile()))
                .addArtifact(new DefaultArtifact(jar.getGroupId(), jar.getArtifactId(), "pom", jar.getVersion())
                        .setFile(pomFile.toFile())));
    }

    private Path installed(String coordinates) {
        Artifact artifact = new DefaultArtifact(coordinates);
        return local.resolve(session.getLocalRepositoryManager().getPathForLocalArtifact(artifact));
    }

    private static List<Version> versions(String... versions) throws InvalidVersionSpecificationException {
        GenericVersionScheme scheme = new GenericVersionScheme();
        List<Version> parsed = new ArrayList<>();
        for (String version : versions) {
            parsed.add(scheme.parseVersion(version));
        }
        return parsed;
    }
}
