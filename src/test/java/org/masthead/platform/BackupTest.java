package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Discussion;
import org.masthead.membership.TestMembers;
import org.masthead.newsroom.TestContent;
import org.masthead.payments.Money;
import org.masthead.platform.internal.EmbeddedBackup;
import org.masthead.platform.internal.EmbeddedPostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup of the running application's embedded database, taken while readers write, restored into a
 * fresh data directory: the restored server holds the same articles, comments, accounts and payments.
 */
@MastheadTest
class BackupTest {

    /** What a newspaper cannot lose, compared table by table. */
    private static final List<String> TABLES =
            List.of("article", "comment", "contribution", "payment_subscription", "payment_ledger");

    @Autowired
    DatabaseProperties database;

    @Autowired
    JdbcClient db;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    Discussion discussion;

    @Autowired
    TestMembers members;

    @TempDir
    Path backups;

    @Test
    void aBackupTakenWhileTheSiteRunsRestoresEverythingCommittedBeforeItEnded() throws Exception {
        long reader = accounts.create(true).id();
        long article = content.article(content.section("Backups")).published();
        discussion.post(reader, article, "Written before the backup.", null);
        members.makePremium(reader);
        members.startOneOffGift(Money.of(1250, "GBP"), TestContent.unique("giver") + "@example.com");
        // Readers keep signing up while the backup runs.
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                accounts.create(true);
            }
        });

        Path file = backups.resolve("masthead.zip");
        EmbeddedBackup.Made made;
        try {
            made = EmbeddedBackup.backup(database.dataDir(), file);
        } finally {
            writing.set(false);
            writer.join();
        }
        Map<String, String> now = fingerprints(db);
        List<Long> accountsNow = accountIds(db);

        assertThat(made.online()).isTrue();
        assertThat(now.get("contribution")).as("a payment to compare").isNotEmpty();
        Path restored = backups.resolve("restored");
        EmbeddedBackup.restore(file, restored);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(restored);
                HikariDataSource restoredDb = dataSource(server)) {
            JdbcClient then = JdbcClient.create(restoredDb);
            assertThat(fingerprints(then)).isEqualTo(now);
            assertThat(then.sql("SELECT count(*) FROM comment WHERE article_id = :article AND body = :body")
                            .param("article", article)
                            .param("body", "Written before the backup.")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            List<Long> accountsThen = accountIds(then);
            assertThat(accountsThen).contains(reader);
            assertThat(accountsNow).as("nothing that was never committed").containsAll(accountsThen);
        }
    }

    @Test
    void aRestoreNeverWritesOverADataDirectoryInUse() throws Exception {
        Path file = backups.resolve("any.zip");
        EmbeddedBackup.backup(database.dataDir(), file);

        assertThatThrownBy(() -> EmbeddedBackup.restore(file, database.dataDir()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(db.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        assertThat(Files.exists(database.dataDir().resolve("postgres/postmaster.pid")))
                .isTrue();
    }

    /** The file holds the database password and readers' personal data, whatever the umask allows. */
    @Test
    void aBackupIsReadableAndWritableByItsOwnerOnly() throws Exception {
        assumeTrue(backups.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = backups.resolve("owner-only.zip");
        Path partial = backups.resolve("owner-only.zip.partial");
        // An earlier backup of the same name, and an attempt that failed half-way, both readable by anyone.
        Files.writeString(file, "an earlier backup");
        Files.writeString(partial, "half a backup");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-rw-rw-"));

        EmbeddedBackup.backup(database.dataDir(), file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(file)).isGreaterThan("an earlier backup".length());
        assertThat(partial).doesNotExist();
    }

    @Test
    void aRestoreOfAFileThatIsNotThereSaysSoAndMakesNoDirectory() {
        Path missing = backups.resolve("nope.zip");
        Path target = backups.resolve("never-made");

        Result restore = command("restore", missing.toString(), "--masthead.data-dir=" + target);

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).isEqualTo("restore failed: " + missing + ": no such file or directory\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFailedRestoreRemovesTheDirectoriesItMadeAndEmptiesTheOneItWasGiven() throws Exception {
        Path notABackup = backups.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new ZipEntry("holiday/beach.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        Path made = backups.resolve("made");
        Path given = Files.createDirectory(backups.resolve("given"));

        Result intoNew = command("restore", notABackup.toString(), "--masthead.data-dir=" + made.resolve("data"));
        Result intoGiven = command("restore", notABackup.toString(), "--masthead.data-dir=" + given);

        assertThat(intoNew.err()).isEqualTo("restore failed: Not a Masthead backup: it holds no postgres folder\n");
        assertThat(made).as("made by the restore, with its parent").doesNotExist();
        assertThat(intoGiven.status()).isEqualTo(1);
        assertThat(given).as("the user's own directory").isEmptyDirectory();
    }

    @Test
    void aBackupIntoAFolderThatIsAFileSaysWhichPathIsNotADirectory() throws Exception {
        Path log = Files.writeString(backups.resolve("backup.log"), "yesterday's log");

        Result backup =
                command("backup", log.resolve("masthead.zip").toString(), "--masthead.data-dir=" + database.dataDir());

        assertThat(backup.status()).isEqualTo(1);
        assertThat(backup.err()).isEqualTo("backup failed: " + log + ": not a directory\n");
        assertThat(log).hasContent("yesterday's log");
    }

    private record Result(int status, String out, String err) {}

    private static Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(1);
        return dataSource;
    }

    private static List<Long> accountIds(JdbcClient db) {
        return db.sql("SELECT id FROM account ORDER BY id").query(Long.class).list();
    }

    private static Map<String, String> fingerprints(JdbcClient db) {
        return TABLES.stream().collect(Collectors.toMap(Function.identity(), table -> db.sql(
                        "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")
                .query(String.class)
                .single()));
    }
}
