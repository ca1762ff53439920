package io.antidote.tf.dryrun;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Which code is running, as a digest: the contents of this program's jar (every entry's name and bytes, not its
 * timestamps, so that a rebuild of the same sources gives the same fingerprint; the manifest lists the dependency
 * jars with their versions) or, when run from a classes directory, its files and the names of the jars on the class
 * path; and the Java version. Computed once per process.
 */
final class CodeFingerprint {
    private static String value;

    private CodeFingerprint() {
    }

    static synchronized String get() {
        if (value == null) {
            value = compute(CodeFingerprint.class);
        }
        return value;
    }

    static String compute(Class<?> anchor) {
        InputDigest d = new InputDigest().text("java", System.getProperty("java.version", ""));
        try {
            Path code = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                d.tree("classes", code);
                for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                    Path p = Path.of(entry).getFileName();
                    d.text("classpath", p == null ? entry : p.toString());
                }
            } else {
                d.text("jar", ofJar(code));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // unknown code: a fingerprint of its own, so nothing cached by another build is ever taken for it
            d.text("unknown", e + " " + System.nanoTime() + " " + System.identityHashCode(anchor));
        }
        return d.hex();
    }

    /** A digest of a jar's entries (names and contents, in name order), not of its timestamps. */
    static String ofJar(Path jar) throws IOException {
        InputDigest d = new InputDigest();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = Collections.list(file.entries());
            entries.sort(java.util.Comparator.comparing(JarEntry::getName));
            for (JarEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = file.getInputStream(e)) {
                    d.stream(e.getName(), in);
                }
            }
        }
        return d.hex();
    }
}
