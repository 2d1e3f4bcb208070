package org.masthead.newsroom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.newsroom.ImageStore;

/** Image files in a folder: by default {@code images/} in the data directory. */
public final class DataDirectoryImageStore implements ImageStore {

    private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9]+)?(/[a-z0-9-]+(\\.[a-z0-9]+)?)*");

    private final Path root;

    public DataDirectoryImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            // Written aside and moved into place, so that a reader on any node sees a whole file or none.
            Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
            try {
                Files.write(partial, bytes);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + key + " in " + root, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key + " from " + root, e);
        }
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an image key: " + key);
        }
        return root.resolve(key);
    }
}
