package io.antidote.tf.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes {@code terraform init} per provider plugin cache directory, which terraform does not make safe for
 * concurrent use (terraform#31964, #25849): a fair lock per directory inside this JVM, and an exclusive file lock on
 * {@value #LOCK_FILE} in it against other processes.
 */
final class PluginCacheLock {
    static final String LOCK_FILE = ".antidote-tf-init.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private PluginCacheLock() {
    }

    static Held acquire(Path cacheDir) throws InterruptedException {
        Path dir;
        try {
            Files.createDirectories(cacheDir);
            dir = cacheDir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the plugin cache " + cacheDir, e);
        }
        ReentrantLock jvmLock = LOCKS.computeIfAbsent(dir, d -> new ReentrantLock(true));
        jvmLock.lockInterruptibly();
        try {
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock fileLock = channel.lock();
            return () -> {
                try (channel) {
                    fileLock.release();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    jvmLock.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            jvmLock.unlock();
            throw e instanceof IOException io ? new UncheckedIOException("cannot lock " + dir, io) : (RuntimeException) e;
        }
    }
}
