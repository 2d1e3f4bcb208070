package org.masthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer (Debian's {@code pgbouncer} package) in transaction pooling in front of a PostgreSQL, as
 * deploy/cluster.sh runs it. It refuses to run as root: as root, it runs as {@code nobody}. Close it when
 * done.
 */
public final class PgBouncer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String database;

    private PgBouncer(Process process, int port, String database) {
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /** Starts PgBouncer in front of the PostgreSQL of this JDBC URL, for this user, and waits until it listens. */
    public static PgBouncer inFrontOf(String jdbcUrl, String user, String password) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = server.getPath().substring(1);
        try {
            Path directory = Files.createDirectories(
                    Path.of("target", "pgbouncer-" + UUID.randomUUID()).toAbsolutePath());
            int port = Pushpin.freePort();
            Files.writeString(directory.resolve("users.txt"), "\"" + user + "\" \"" + password + "\"\n");
            Files.writeString(
                    directory.resolve("pgbouncer.ini"),
                    """
                    [databases]
                    %s = host=%s port=%d
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = scram-sha-256
                    auth_file = %s
                    pool_mode = transaction
                    default_pool_size = 10
                    logfile = %s
                    """
                            .formatted(
                                    database,
                                    server.getHost(),
                                    server.getPort(),
                                    port,
                                    directory.resolve("users.txt"),
                                    directory.resolve("pgbouncer.log")));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
                command.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            command.addAll(
                    List.of("pgbouncer", directory.resolve("pgbouncer.ini").toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("output.log").toFile())
                    .start();
            awaitListening(process, port, directory);
            return new PgBouncer(process, port, database);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PgBouncer (apt-get install pgbouncer)", e);
        }
    }

    /** A JDBC URL through PgBouncer: pgjdbc must not name prepared statements, which a pooled session loses. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
    }

    private static void awaitListening(Process process, int port, Path directory) throws IOException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - giveUpAt > 0) {
                    process.destroyForcibly();
                    throw new IOException("PgBouncer did not start; see " + directory.resolve("output.log"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
