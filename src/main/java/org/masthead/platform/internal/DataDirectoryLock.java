package org.masthead.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operating system's lock on {@value #FILE} in a data directory, held for as long as a node uses
 * the directory's PostgreSQL. The kernel releases it when the process ends, however it ends, so a
 * lock that cannot be taken always means a live node, and one that can means no node is left.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "masthead.lock";

    /**
     * The lock files this JVM holds. A second channel on one of them must never be opened and closed here:
     * closing any descriptor of a file drops all of the process's POSIX locks on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;

    private DataDirectoryLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static DataDirectoryLock take(Path dataDir) {
        Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw new DataDirectoryInUseException(
                    dataDir.toAbsolutePath(),
                    Long.toString(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                throw new DataDirectoryInUseException(dataDir.toAbsolutePath(), holder);
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            channel.force(false);
            return new DataDirectoryLock(file, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not lock the data directory " + dataDir.toAbsolutePath(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the channel either way.
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
        HELD.remove(file);
    }
}
