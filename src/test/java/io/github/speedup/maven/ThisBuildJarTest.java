package io.github.speedup.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** This build's main classes on a jar for {@code compareWith}, as the earlier version's are. */
class ThisBuildJarTest {

    @TempDir
    Path dir;

    /** A main classes folder holding one real class file (this test's own), a resource and a manifest. */
    private Path classes() throws IOException {
        Path classes = dir.resolve("classes");
        String name = ThisBuildJarTest.class.getName().replace('.', '/') + ".class";
        Path classFile = classes.resolve(name);
        Files.createDirectories(classFile.getParent());
        try (var in = ThisBuildJarTest.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, classFile);
        }
        Files.writeString(classes.resolve("data.txt"), "ä data", StandardCharsets.UTF_8);
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nMulti-Release: true\n");
        return classes;
    }

    @Test
    void packsTheFolderInNameOrderWithItsManifestAndLoadsItsClassesFromIt() throws Exception {
        Path classes = classes();
        Path jar = ThisBuildJar.pack(classes, dir.resolve("target/speedup-fork/this-build-classes.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/", "data.txt", "io/", "io/github/",
                    "io/github/speedup/", "io/github/speedup/maven/", "io/github/speedup/maven/ThisBuildJarTest.class"),
                    names);
            assertEquals("true", file.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertArrayEquals(Files.readAllBytes(classes.resolve("data.txt")),
                    file.getInputStream(file.getEntry("data.txt")).readAllBytes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> loaded = loader.loadClass(ThisBuildJarTest.class.getName());
            assertEquals(jar.toUri().toURL(), loaded.getProtectionDomain().getCodeSource().getLocation());
            assertEquals("jar", loader.getResource("data.txt").getProtocol());
        }
        // packed twice, the same bytes: every entry has the same time
        byte[] first = Files.readAllBytes(jar);
        assertArrayEquals(first, Files.readAllBytes(ThisBuildJar.pack(classes, dir.resolve("again.jar"))));
    }

    @Test
    void thePackagedJarTakesTheFoldersPlaceWhereThereIsOne() throws IOException {
        Path classes = classes();
        Path packaged = Files.writeString(dir.resolve("lib-1.1-SNAPSHOT.jar"), "a jar");
        Path packed = dir.resolve("packed.jar");
        Path dep = dir.resolve("dep.jar");
        List<Path> classPath = List.of(dir.resolve("test-classes"), classes, dep);
        assertEquals(List.of(classPath.get(0), packaged, dep),
                ThisBuildJar.classPath(classPath, classes, packaged.toFile(), packed));
        assertEquals(false, Files.exists(packed));
        // no packaged jar (the goal run on its own), or the "artifact" a reactor points at the folder: packed here
        assertEquals(List.of(classPath.get(0), packed, dep),
                ThisBuildJar.classPath(classPath, classes, null, packed));
        assertEquals(List.of(classPath.get(0), packed, dep),
                ThisBuildJar.classPath(classPath, classes, classes.toFile(), packed));
    }

    @Test
    void aClassPathWithoutTheFolderIsLeftAsItIs() throws IOException {
        List<Path> classPath = List.of(dir.resolve("test-classes"), dir.resolve("dep.jar"));
        assertSame(classPath, ThisBuildJar.classPath(classPath, dir.resolve("classes"), null, dir.resolve("p.jar")));
        List<Path> missing = List.of(dir.resolve("test-classes"), dir.resolve("classes"));
        assertSame(missing, ThisBuildJar.classPath(missing, dir.resolve("classes"), null, dir.resolve("p.jar")));
    }
}
