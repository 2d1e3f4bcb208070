package org.masthead.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The operating system's lock on {@value #FILE} in a data directory, held for as long as a node uses
 * the directory's PostgreSQL. The kernel releases it when the process ends, however it ends, so a
 * lock that cannot be taken always means a live node, and one that can means no node is left.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "masthead.lock";

    private final FileChannel channel;

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    static DataDirectoryLock take(Path dataDir) {
        Path file = dataDir.resolve(FILE).toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUseException(dataDir.toAbsolutePath(), holder);
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            channel.force(false);
            return new DataDirectoryLock(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM: another application context on the same directory.
            return null;
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
    }
}
