package io.antidote.tf.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading a curriculum's files safely. A file must resolve, after following every link, inside the directory it
 * belongs to (the curriculum for meta files, the lesson for guides and configuration files), be a regular file, and
 * be no bigger than its kind allows, checked before anything is read. A file that fails is refused with a reason
 * that never quotes its content, so a link to {@code /etc/shadow} shows nothing of it.
 */
public final class CurriculumFiles {
    /** {@code *.meta.yaml}: the largest of a real curriculum is about 2 KB. */
    public static final long MAX_META_BYTES = 256 * 1024;
    /** A markdown guide: it is read into every livelesson of its stage. */
    public static final long MAX_GUIDE_BYTES = 1024 * 1024;
    /** A jupyter notebook: served by the guide endpoint, may embed pictures. */
    public static final long MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;
    /** A configuration file (python, ansible, napalm), copied to the lesson host and run. */
    public static final long MAX_CONFIGURATION_BYTES = 1024 * 1024;

    private CurriculumFiles() {
    }

    /** A directory files must stay in, and what it is called in messages ({@code the lesson directory}). */
    public record Scope(Path dir, String name) {
        /** The curriculum directory {@code root}. */
        public static Scope curriculum(Path root) {
            return new Scope(root, "the curriculum directory");
        }

        /** The lesson directory {@code dir}. */
        public static Scope lesson(Path dir) {
            return new Scope(dir, "the lesson directory");
        }
    }

    /** Why a file cannot be used, in words for a problem or an error message (never the file's content). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean absent;

        Refused(String reason) {
            this(reason, false);
        }

        Refused(String reason, boolean absent) {
            super(reason, null, false, false);
            this.absent = absent;
        }

        /** Whether there is simply no such regular file (missing, or a directory): the caller may say so its way. */
        public boolean absent() {
            return absent;
        }

        /** What is wrong: {@code is 300000 bytes, more than the 262144 allowed}. */
        public String reason() {
            return getMessage();
        }
    }

    /**
     * The content of {@code file} as UTF-8 text.
     *
     * @param within the directory the file must stay in (links followed)
     * @throws Refused when it is missing, leaves {@code within}, is not a regular file, is bigger than
     *         {@code maxBytes} or is not UTF-8
     */
    public static String read(Scope within, Path file, long maxBytes) throws Refused {
        Path real = check(within, file, maxBytes);
        try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw tooBig(size, maxBytes);
            }
            byte[] bytes = readAtMost(Channels.newInputStream(channel), maxBytes);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("is not UTF-8 text");
        } catch (IOException e) {
            throw new Refused("cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Checks {@code file} without reading it and returns its real path.
     *
     * @throws Refused as {@link #read}
     */
    public static Path check(Scope within, Path file, long maxBytes) throws Refused {
        Path real;
        Path realWithin;
        try {
            realWithin = within.dir().toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused("the file is missing", true);
        } catch (IOException e) {
            throw new Refused("cannot be resolved: " + e.getClass().getSimpleName());
        }
        if (!real.startsWith(realWithin) || real.equals(realWithin)) {
            throw new Refused("leads outside " + within.name() + " (through a link); it is not read");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new Refused("cannot be read: " + e.getClass().getSimpleName());
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file", true);
        }
        if (attributes.size() > maxBytes) {
            throw tooBig(attributes.size(), maxBytes);
        }
        return real;
    }

    private static Refused tooBig(long size, long max) {
        return new Refused("is " + size + " bytes, more than the " + max + " allowed");
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException, Refused {
        byte[] bytes = in.readNBytes((int) max + 1);
        if (bytes.length > max) {
            throw tooBig(bytes.length, max);
        }
        return bytes;
    }
}
