package io.github.speedup.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * This build's main classes as a jar, for a run that compares them with an earlier version
 * ({@code compareWith}): the earlier side loads its code from the released jar, so this side loads
 * its own from a jar too, and the two differ by their code, not by how a class loader finds it (one
 * zip entry inflated against one file opened per class, which fresh processes and pool workers pay
 * in their start-up and every side pays in its warm-up). The jar this build packaged is taken where
 * there is one (a run bound to {@code verify}, after {@code package}): built by the same plugin and
 * configuration as the release's, manifest included. Otherwise (the goal run on its own) the main
 * classes folder is packed here, compressed as the jar plugin compresses.
 */
final class ThisBuildJar {

    /** Every entry's time: a packed jar with the same classes is the same file. */
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private ThisBuildJar() {
    }

    /**
     * The class path with its main classes folder replaced by a jar of them.
     *
     * @param classPath the class path of this build's side
     * @param classes   the main classes folder ({@code target/classes})
     * @param packaged  the jar this build packaged, or {@code null} (nor is a folder or missing file taken)
     * @param packed    where to pack {@code classes} when there is no packaged jar
     * @return the class path unchanged where {@code classes} is not on it or is no folder
     * @throws IOException when the folder cannot be read or the jar not written
     */
    static List<Path> classPath(List<Path> classPath, Path classes, File packaged, Path packed) throws IOException {
        int at = classPath.indexOf(classes);
        if (at < 0 || !Files.isDirectory(classes)) {
            return classPath;
        }
        Path jar = packaged != null && packaged.isFile() && packaged.getName().endsWith(".jar")
                ? packaged.toPath() : pack(classes, packed);
        List<Path> replaced = new ArrayList<>(classPath);
        replaced.set(at, jar);
        return replaced;
    }

    /**
     * Packs {@code classes} into {@code jar}, entries in name order, with the folder's own
     * {@code META-INF/MANIFEST.MF} where it has one.
     *
     * @return {@code jar}
     * @throws IOException when the folder cannot be read or the jar not written
     */
    static Path pack(Path classes, Path jar) throws IOException {
        Path manifestFile = classes.resolve(JarFile.MANIFEST_NAME);
        Manifest manifest = new Manifest();
        if (Files.isRegularFile(manifestFile)) {
            try (InputStream in = Files.newInputStream(manifestFile)) {
                manifest.read(in);
            }
        }
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(jar.getParent());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> !p.equals(classes) && !p.equals(manifestFile)).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path path : files) {
                String name = classes.relativize(path).toString().replace(File.separatorChar, '/');
                boolean folder = Files.isDirectory(path);
                JarEntry entry = new JarEntry(folder ? name + "/" : name);
                entry.setLastModifiedTime(EPOCH);
                out.putNextEntry(entry);
                if (!folder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
