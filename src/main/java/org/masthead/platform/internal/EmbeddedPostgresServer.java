package org.masthead.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose files live in Masthead's data directory and survive restarts.
 *
 * <p>The server runs as an unprivileged user even when the JVM runs as root (zonky starts it in a
 * user namespace), listens on loopback only and has no Unix socket, so several instances with
 * their own data directories can run side by side.
 *
 * <p>Loopback is not private: any user or process on the machine can connect to it. So the superuser
 * {@code postgres} has a generated password, kept in {@value #PASSWORD_FILE} in the data directory,
 * readable by its owner only, and every connection must prove it (SCRAM). A cluster made by an earlier
 * Masthead, which trusted every local connection, is given a password on its next start; so is one
 * whose password file was deleted, which is how the password is changed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String PASSWORD_FILE = "postgres-password";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final EmbeddedPostgres postgres;
    private final String password;
    private final DataDirectoryLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.password = password;
        this.lock = lock;
    }

    /**
     * Starts the server, or refuses when another running Masthead already uses {@code dataDir}: only
     * once this node holds the directory's lock can a PostgreSQL found running there be an orphan.
     *
     * @throws DataDirectoryInUseException when another process holds the data directory
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        DataDirectoryLock lock = DataDirectoryLock.take(dataDir);
        try {
            return start(dataDir, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedPostgresServer start(Path dataDir, DataDirectoryLock lock) {
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Path runtime = dataDir.resolve("postgres-runtime").toAbsolutePath();
            Path passwordFile = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
            Files.createDirectories(runtime);
            stopOrphanOf(pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            Optional<String> kept = readPassword(passwordFile);
            String password = kept.orElseGet(EmbeddedPostgresServer::newPassword);
            if (fresh && kept.isEmpty()) {
                writePassword(passwordFile, password);
            }
            // Without a kept password nobody could sign in under "scram-sha-256": this one start trusts
            // loopback as earlier versions did, until the password is set below.
            boolean givePassword = !fresh && kept.isEmpty();
            log.info("Starting embedded PostgreSQL in {}", pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    // zonky passes these to initdb as --auth=... and --pwfile=...: a new cluster is born
                    // with its password and never trusts anyone, not even while it starts.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setDataDirectoryCustomizer(dir -> writeAccessRules(dir, givePassword ? "trust" : "scram-sha-256"))
                    .setConnectConfig("password", password)
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky favours speed for throwaway test databases; ours keeps readers' data.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    // A backup taken while the server runs needs the log from its start to its end
                    // (EmbeddedBackup); this keeps it, even should two checkpoints pass meanwhile.
                    .setServerConfig("wal_keep_size", "1GB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Spring closes this server after the connection pool; a hook of its own would race that.
                    .setRegisterShutdownHook(false)
                    .start();
            if (givePassword) {
                givePassword(postgres, password, passwordFile, pgData);
            }
            log.info(
                    "Embedded PostgreSQL is listening on 127.0.0.1:{} (user {}, password in {})",
                    postgres.getPort(),
                    USER,
                    passwordFile);
            return new EmbeddedPostgresServer(postgres, password, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Sets the superuser's password, keeps it, and only then stops trusting loopback: a crash between any
     * two steps leaves a cluster the next start can still enter and finish.
     */
    private static void givePassword(EmbeddedPostgres postgres, String password, Path passwordFile, Path pgData)
            throws IOException {
        log.warn(
                "The embedded PostgreSQL trusted every local connection; its user {} now has a password, kept in {}",
                USER,
                passwordFile);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // The password is [A-Za-z0-9_-] only (see newPassword), so it can stand in the literal as it is.
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            writePassword(passwordFile, password);
            writeAccessRules(pgData.toFile(), "scram-sha-256");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not give the embedded PostgreSQL a password", e);
        }
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Optional<String> readPassword(Path passwordFile) throws IOException {
        if (!Files.exists(passwordFile)) {
            return Optional.empty();
        }
        ownerOnly(passwordFile);
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** Written whole or not at all, and readable by its owner only from the moment it exists. */
    private static void writePassword(Path passwordFile, String password) throws IOException {
        Path written = passwordFile.resolveSibling(PASSWORD_FILE + ".new");
        Files.deleteIfExists(written);
        if (isPosix()) {
            Files.createFile(written, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        Files.move(written, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Who may connect, and how: everyone over loopback (the only way in), by the given method. */
    private static void writeAccessRules(File pgData, String method) {
        String rules =
                """
                # Written by Masthead at every start: the user postgres, with the password kept in
                # postgres-password beside this cluster's directory.
                host    all             all             127.0.0.1/32            %1$s
                host    all             all             ::1/128                 %1$s
                host    replication     all             127.0.0.1/32            %1$s
                host    replication     all             ::1/128                 %1$s
                """
                        .formatted(method);
        try {
            Files.writeString(pgData.toPath().resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pgData + "/pg_hba.conf", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL running, or a stale {@code postmaster.pid}
     * behind; either would stop the next start, so the orphan is stopped and the file removed. Called
     * with the data directory's lock held, so no live node can own the server found here.
     */
    static void stopOrphanOf(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = runningPostgres(pgData);
        if (orphan.isPresent()) {
            ProcessHandle process = orphan.get();
            log.warn("Stopping PostgreSQL process {} left behind by an earlier run", process.pid());
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pgData.resolve("postmaster.pid"));
    }

    /** The PostgreSQL running on this data folder, as its {@code postmaster.pid} names it, if any. */
    static Optional<ProcessHandle> runningPostgres(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::strip)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(EmbeddedPostgresServer::isPostgres);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL");
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
