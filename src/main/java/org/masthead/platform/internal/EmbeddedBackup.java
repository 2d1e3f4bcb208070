package org.masthead.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A backup of the embedded default's data directory as one zip file, and its restore into a fresh
 * directory. The embedded PostgreSQL is newer than the {@code pg_dump} most machines have, so the backup
 * is PostgreSQL's own low-level base backup: between {@code pg_backup_start} and {@code pg_backup_stop}
 * its files are copied while it runs, then the write-ahead log that makes the copy consistent, and the
 * {@code backup_label} that tells the restored server to replay it. The server must be the same major
 * version on restore, which the same Masthead jar guarantees.
 *
 * <p>When no PostgreSQL is running there, the directory's lock is held and its files are copied as they are.
 * Everything else in the data directory (uploaded images, the wire folder, the database password) goes
 * in too; {@code postgres-runtime} (the unpacked PostgreSQL itself) does not.
 */
public final class EmbeddedBackup {

    static final String POSTGRES = "postgres";

    /** Left out of the copy of a running server: rebuilt on start, or the server's own live state. */
    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts");

    /** Folders whose contents a base backup leaves out (PostgreSQL's documentation lists them). */
    private static final Set<String> EMPTIED_FOLDERS = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    private static final Set<String> NOT_BACKED_UP = Set.of("postgres-runtime", DataDirectoryLock.FILE);

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private EmbeddedBackup() {}

    /** What a backup did, for the command to report. */
    public record Made(Path file, boolean online, long files, long bytes) {}

    public static Made backup(Path dataDir, Path file) throws IOException, SQLException {
        Path pgData = dataDir.resolve(POSTGRES);
        if (!Files.isDirectory(pgData)) {
            throw new NoSuchFileException(pgData.toString(), null, "no embedded PostgreSQL in this data directory");
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder: give the backup file's own name");
        }
        createFolders(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Made made;
        try (OutputStream out = createOwnerOnly(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            Counter counter = new Counter();
            boolean online;
            // Held if no node runs here, so that none starts while the files are copied.
            try (DataDirectoryLock lock = tryLock(dataDir)) {
                online = EmbeddedPostgresServer.runningPostgres(pgData).isPresent();
                if (online) {
                    backupRunning(dataDir, pgData, zip, counter);
                } else if (lock != null) {
                    copy(pgData, POSTGRES, zip, counter, false);
                } else {
                    throw new IOException("A node holds " + dataDir + " but its PostgreSQL is not running: try again");
                }
                copyRest(dataDir, zip, counter);
            }
            made = new Made(file, online, counter.files, counter.bytes);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return made;
    }

    /**
     * A new, empty file that only its owner may read or write (on a POSIX file system): the backup holds the
     * database password and readers' personal data. It is created so, never created first and narrowed
     * after, and one left by an earlier attempt is replaced rather than reused with the permissions it had.
     * The rename that completes the backup keeps them.
     */
    private static OutputStream createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static DataDirectoryLock tryLock(Path dataDir) {
        try {
            return DataDirectoryLock.take(dataDir);
        } catch (DataDirectoryInUseException e) {
            return null;
        }
    }

    private static void backupRunning(Path dataDir, Path pgData, ZipOutputStream zip, Counter counter)
            throws IOException, SQLException {
        try (Connection db = connect(dataDir, pgData);
                Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_backup_start('masthead " + Instant.now() + "', true)");
            copy(pgData, POSTGRES, zip, counter, true);
            String label;
            String tablespaces;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaces = stop.getString(2);
            }
            // After the stop: the log now holds everything from the start's checkpoint to the stop record.
            try (Stream<Path> wal = Files.list(pgData.resolve("pg_wal"))) {
                for (Path segment : wal.sorted().toList()) {
                    if (Files.isRegularFile(segment)) {
                        add(segment, POSTGRES + "/pg_wal/" + segment.getFileName(), zip, counter);
                    }
                }
            }
            addText(POSTGRES + "/backup_label", label, zip, counter);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                addText(POSTGRES + "/tablespace_map", tablespaces, zip, counter);
            }
        }
    }

    /** The running server's address from its postmaster.pid (its fourth line is the port). */
    private static Connection connect(Path dataDir, Path pgData) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(pgData.resolve("postmaster.pid"));
        if (pid.size() < 4 || !pid.get(3).strip().matches("\\d+")) {
            throw new IOException("The running PostgreSQL's postmaster.pid names no port");
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", EmbeddedPostgresServer.USER);
        credentials.setProperty(
                "password",
                Files.readString(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE))
                        .strip());
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", credentials);
    }

    private static void copy(Path folder, String name, ZipOutputStream zip, Counter counter, boolean running)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name + "/"));
        zip.closeEntry();
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted().toList();
        } catch (NoSuchFileException gone) {
            return;
        }
        boolean emptied =
                running && EMPTIED_FOLDERS.contains(folder.getFileName().toString());
        for (Path child : children) {
            String childName = name + "/" + child.getFileName();
            if (Files.isDirectory(child)) {
                copy(child, childName, zip, counter, running);
            } else if (!emptied
                    && !(running && RUNTIME_FILES.contains(child.getFileName().toString()))
                    && !child.getFileName().toString().startsWith("pgsql_tmp")) {
                add(child, childName, zip, counter);
            }
        }
    }

    private static void copyRest(Path dataDir, ZipOutputStream zip, Counter counter) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dataDir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.equals(POSTGRES) || NOT_BACKED_UP.contains(name)) {
                continue;
            }
            if (Files.isDirectory(child)) {
                copy(child, name, zip, counter, false);
            } else {
                add(child, name, zip, counter);
            }
        }
    }

    private static void add(Path file, String name, ZipOutputStream zip, Counter counter) throws IOException {
        // A running server removes files as it goes (a dropped table, a finished sort): what is gone
        // was not needed, and the log replays whatever replaced it.
        try (InputStream in = Files.newInputStream(file)) {
            zip.putNextEntry(new ZipEntry(name));
            counter.bytes += in.transferTo(zip);
            counter.files++;
            zip.closeEntry();
        } catch (NoSuchFileException gone) {
            // Nothing to copy.
        }
    }

    private static void addText(String name, String text, ZipOutputStream zip, Counter counter) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.write(bytes);
        zip.closeEntry();
        counter.files++;
        counter.bytes += bytes.length;
    }

    /**
     * Unpacks a backup into a data directory that does not exist yet or is empty; the next start
     * replays the log the backup holds and serves what was committed when it ended. A restore that fails
     * leaves things as they were: a directory it made is removed, one that was empty is emptied again.
     */
    public static long restore(Path file, Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> existing = Files.list(dataDir)) {
                if (existing.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(
                            dataDir.toString(), null, "restore only into a new or empty data directory");
                }
            }
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a backup file");
        }
        Path root = dataDir.toAbsolutePath().normalize();
        // Opened before anything is made: a backup that is missing or unreadable changes nothing.
        try (InputStream in = Files.newInputStream(file)) {
            Path made = createFolders(root);
            try {
                long files = unpack(in, root);
                if (!Files.isDirectory(root.resolve(POSTGRES))) {
                    throw new IOException("Not a Masthead backup: it holds no " + POSTGRES + " folder");
                }
                ownerOnly(root.resolve(POSTGRES), "rwx------");
                ownerOnly(root.resolve(EmbeddedPostgresServer.PASSWORD_FILE), "rw-------");
                return files;
            } catch (IOException | RuntimeException e) {
                undo(made != null ? made : root, made != null, e);
                throw e;
            }
        }
    }

    private static long unpack(InputStream in, Path root) throws IOException {
        long files = 0;
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("Not a Masthead backup: " + entry.getName() + " points outside it");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
                files++;
            }
        }
        return files;
    }

    /**
     * Creates a folder and those missing above it, saying which path is in the way when one is a file (the
     * JDK names it but not the problem). Returns the topmost folder it created, or null if there was none.
     */
    private static @Nullable Path createFolders(Path folder) throws IOException {
        Path topmost = null;
        for (Path missing = folder; missing != null && Files.notExists(missing); missing = missing.getParent()) {
            topmost = missing;
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException inTheWay) {
            throw new FileSystemException(inTheWay.getFile(), null, "not a directory");
        } catch (IOException e) {
            if (topmost != null && Files.exists(topmost)) {
                undo(topmost, true, e);
            }
            throw e;
        }
        return topmost;
    }

    /** Removes what a failed restore wrote: the folder itself if it made it, otherwise only its contents. */
    private static void undo(Path folder, boolean itself, Exception failure) {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (itself || !path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** PostgreSQL refuses a data folder others can read, and the password stays its owner's. */
    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.exists(path)
                && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static final class Counter {
        long files;
        long bytes;
    }
}
