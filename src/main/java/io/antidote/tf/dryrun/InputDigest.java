package io.antidote.tf.dryrun;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A SHA-256 over inputs, each framed with its kind and length so that different inputs never feed the same bytes:
 * text, files and directory trees (relative names and contents, in name order), and values: records (every
 * component, by name, so a component added later is covered without a change here), lists, sets and maps (in a
 * canonical order), enums and plain values. A value of any other type is refused ({@link Undigestible}) rather than
 * digested by a {@code toString} that may not be stable.
 */
final class InputDigest {
    /** A value this digest cannot take deterministically. */
    static final class Undigestible extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Undigestible(String message) {
            super(message);
        }
    }

    private final MessageDigest sha = sha256();

    /** Adds a labelled text. */
    InputDigest text(String label, String value) {
        frame('T', label);
        frame('S', value);
        return this;
    }

    /** Adds a labelled value (see the class comment for what it may be). */
    InputDigest value(String label, Object value) {
        frame('V', label);
        add(value);
        return this;
    }

    /** Adds the bytes of {@code file}. */
    InputDigest file(String label, Path file) throws IOException {
        frame('F', label);
        bytes(Files.readAllBytes(file));
        return this;
    }

    /** Adds every regular file under {@code dir}: its name relative to {@code dir} and its bytes, in name order. */
    InputDigest tree(String label, Path dir) throws IOException {
        frame('D', label);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
        for (Path f : files) {
            frame('N', f.toString());
            bytes(Files.readAllBytes(dir.resolve(f)));
        }
        frame('E', label);
        return this;
    }

    /** Adds the bytes read from {@code in} (which is not closed). */
    InputDigest stream(String label, InputStream in) throws IOException {
        frame('B', label);
        bytes(in.readAllBytes());
        return this;
    }

    /** The digest as 64 hex digits; the digest cannot be used afterwards. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private void add(Object v) {
        if (v == null) {
            frame('0', "");
        } else if (v instanceof CharSequence s) {
            frame('S', s.toString());
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Path
                || v instanceof URI || v instanceof UUID || v instanceof Duration || v instanceof TemporalAccessor) {
            frame('P', v.getClass().getName() + ":" + v);
        } else if (v instanceof Enum<?> e) {
            frame('e', e.getDeclaringClass().getName() + "." + e.name());
        } else if (v instanceof Record r) {
            frame('R', r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                frame('C', c.getName());
                add(component(r, c));
            }
        } else if (v instanceof Optional<?> o) {
            frame('O', o.isPresent() ? "1" : "0");
            o.ifPresent(this::add);
        } else if (v instanceof List<?> list) {
            frame('L', Integer.toString(list.size()));
            list.forEach(this::add);
        } else if (v instanceof Collection<?> set) {
            frame('U', Integer.toString(set.size()));
            sorted(set.stream().map(InputDigest::of).toList()).forEach(h -> frame('H', h));
        } else if (v instanceof Map<?, ?> map) {
            frame('M', Integer.toString(map.size()));
            List<String> entries = new ArrayList<>();
            map.forEach((k, val) -> entries.add(of(k) + of(val)));
            sorted(entries).forEach(h -> frame('H', h));
        } else if (v instanceof byte[] b) {
            frame('b', "");
            bytes(b);
        } else {
            throw new Undigestible("cannot digest a " + v.getClass().getName());
        }
    }

    private static String of(Object v) {
        InputDigest d = new InputDigest();
        d.add(v);
        return d.hex();
    }

    private static List<String> sorted(List<String> hashes) {
        return hashes.stream().sorted().toList();
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            java.lang.reflect.Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new Undigestible("cannot read " + r.getClass().getName() + "." + c.getName() + ": " + e);
        }
    }

    private void frame(char kind, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) kind);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    private void bytes(byte[] b) {
        sha.update(ByteBuffer.allocate(8).putLong(b.length).array());
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
