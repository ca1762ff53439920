package io.antidote.tf.standin;

import io.antidote.tf.AntidoteException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes one Docker build context per stand-in into an empty directory, in image order:
 * {@code NN-<source>/image} (the reference), {@code kind}, {@code source}, {@code hash} (SHA-256 of the context) and
 * {@code context/}: the Dockerfile, and for endpoints and the jupyter guide {@code standin/} (the recipe's programs and
 * {@code users.json}, mode 0600) and {@code image/serve.json}, for the configurator {@code rootfs/} (the recorder at
 * each name it answers to). The hash covers every byte of the context, so an image whose hash label matches was
 * built from the same recipe and spec.
 */
public final class BuildContexts {
    private static final String RECIPE = "recipe/";

    /** One written context. */
    public record BuildContext(StandinImage image, Path dir, String hash) {
    }

    private BuildContexts() {
    }

    /** Writes every context of {@code spec} under {@code out}, which must be absent or an empty directory. */
    public static List<BuildContext> write(StandinSpec spec, Path out) {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (!Files.isDirectory(out) || entries.findAny().isPresent()) {
                        throw new AntidoteException("the contexts directory " + out + " must be empty or absent");
                    }
                }
            }
            Files.createDirectories(out);
            List<BuildContext> written = new ArrayList<>();
            int n = 0;
            for (StandinImage image : spec.images()) {
                Path dir = out.resolve(String.format("%02d-%s", n++, image.source()));
                written.add(write(image, dir));
            }
            return written;
        } catch (IOException e) {
            throw new AntidoteException("cannot write the stand-in build contexts to " + out + ": " + e, e);
        }
    }

    private static BuildContext write(StandinImage image, Path dir) throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        switch (image.kind()) {
            case ENDPOINT, JUPYTER -> {
                Path standin = Files.createDirectories(context.resolve("standin"));
                copy("endpoint.Dockerfile", context.resolve("Dockerfile"), false);
                copy("standin-init", standin.resolve("standin-init"), true);
                copy("standin-serve.py", standin.resolve("standin-serve.py"), true);
                copy("standin-setup.py", standin.resolve("standin-setup.py"), true);
                Path users = standin.resolve("users.json");
                Files.writeString(users, SpecJson.users(image));
                Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
                Path serve = Files.createDirectories(context.resolve("image")).resolve("serve.json");
                Files.writeString(serve, SpecJson.serve(image));
                Files.setPosixFilePermissions(serve, PosixFilePermissions.fromString("rw-r--r--"));
            }
            case CONFIGURATOR -> {
                copy("configurator.Dockerfile", context.resolve("Dockerfile"), false);
                Path bin = Files.createDirectories(context.resolve("rootfs/usr/local/bin"));
                for (Path recorder : List.of(bin.resolve("antidote-configurator"), bin.resolve("python"),
                        bin.resolve("ansible-playbook"), context.resolve("rootfs/configure.py"))) {
                    copy("antidote-configurator", recorder, true);
                }
            }
        }
        String hash = hash(context);
        Files.writeString(dir.resolve("image"), image.reference() + "\n");
        Files.writeString(dir.resolve("kind"), image.kind().id() + "\n");
        Files.writeString(dir.resolve("source"), image.source() + "\n");
        Files.writeString(dir.resolve("hash"), hash + "\n");
        return new BuildContext(image, dir, hash);
    }

    private static void copy(String resource, Path to, boolean executable) throws IOException {
        try (InputStream in = BuildContexts.class.getResourceAsStream(RECIPE + resource)) {
            if (in == null) {
                throw new IllegalStateException("the stand-in recipe " + resource + " is missing from the classpath");
            }
            Files.write(to, in.readAllBytes());
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** SHA-256 over every file of {@code context}: relative path, mode, length and bytes, in path order. */
    static String hash(Path context) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(context)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(context.relativize(f).toString(), f));
        }
        MessageDigest digest = sha256();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            byte[] bytes = Files.readAllBytes(file.getValue());
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getValue()));
            digest.update((file.getKey() + "\0" + mode + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
