package org.masthead.newsroom.internal.wire;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.newsroom.WireInbox;
import org.masthead.platform.DatabaseProperties;
import org.masthead.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The wire folder, {@code <data-dir>/wires}: agencies (or whoever fetches their copy) leave files in
 * {@code incoming}; every node looks there each poll interval and takes them one at a time.
 *
 * <p>Several nodes may share the folder: a node claims a file by moving it into {@code processing}
 * under a name of its own, which only one mover can do, so each file is taken once. A file is deleted
 * once its stories are committed (all of them or none: one transaction per file). One that cannot be
 * taken (too large, of no known kind, unreadable, malformed, hostile) is moved to {@code quarantine}
 * with a {@code .reason.txt} beside it and recorded for the newsroom, and the next file is taken. A
 * file left in {@code processing} by a node that stopped half-way is moved back after the claim
 * timeout; taken twice, its stories are duplicates the second time and change nothing.
 */
@Component
public class WireFolder implements WireInbox {

    private static final Logger log = LoggerFactory.getLogger(WireFolder.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String CLAIM_SEPARATOR = "--";
    private static final int LISTED_AT_ONCE = 1_000;

    private final WireProperties properties;
    private final WireDesk desk;
    private final WireRepository wires;
    private final Clock clock;
    private final Path incoming;
    private final Path processing;
    private final Path quarantine;
    /** Names this node's claims, so that a claim never takes another's name. */
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    private final AtomicLong claims = new AtomicLong();
    private final Counter taken;
    private final Counter putAside;
    private final Deque<Path> listed = new ArrayDeque<>();

    WireFolder(
            WireProperties properties,
            DatabaseProperties data,
            WireDesk desk,
            WireRepository wires,
            Clock clock,
            Workers workers,
            MeterRegistry meters) {
        this.properties = properties;
        this.taken = Counter.builder("masthead.wires.files")
                .description("Wire files this node claimed and took in")
                .tag("outcome", "taken")
                .register(meters);
        this.putAside = Counter.builder("masthead.wires.files")
                .description("Wire files this node claimed and put aside in quarantine")
                .tag("outcome", "quarantined")
                .register(meters);
        this.desk = desk;
        this.wires = wires;
        this.clock = clock;
        Path root = data.dataDir().resolve("wires").toAbsolutePath();
        this.incoming = root.resolve("incoming");
        this.processing = root.resolve("processing");
        this.quarantine = root.resolve("quarantine");
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(processing);
            Files.createDirectories(quarantine);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the wire folder " + root, e);
        }
        workers.run("wire-folder", properties.pollInterval(), null, this::takeNext);
    }

    public Path incoming() {
        return incoming;
    }

    public Path quarantine() {
        return quarantine;
    }

    @Override
    public void deliver(String fileName, byte[] content) {
        Path target = incoming.resolve(Path.of(fileName).getFileName().toString());
        Path partial = incoming.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.write(partial, content);
            move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not leave " + fileName + " in the wire folder", e);
        }
    }

    /**
     * Takes every file waiting now, on the caller's thread; for tests and the benchmark, which should not
     * wait for the next poll.
     *
     * @return how many files were looked at
     */
    public synchronized int takeWaiting() {
        int taken = 0;
        while (takeNext()) {
            taken++;
        }
        return taken;
    }

    /** Claims and takes one file; false when none is waiting. */
    synchronized boolean takeNext() {
        if (listed.isEmpty()) {
            reclaimAbandoned();
            listed.addAll(waiting());
            if (listed.isEmpty()) {
                return false;
            }
        }
        Path file = listed.poll();
        String name = file.getFileName().toString();
        Path claimed = processing.resolve(node + "-" + claims.incrementAndGet() + CLAIM_SEPARATOR + name);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return true; // another node claimed it first
        } catch (IOException e) {
            log.warn("Could not claim the wire file {}: {}", file, e.toString());
            return true;
        }
        take(claimed, name);
        return true;
    }

    private void take(Path claimed, String name) {
        try {
            Files.setLastModifiedTime(claimed, FileTime.from(clock.instant()));
            long size = Files.size(claimed);
            if (size > properties.maxSize().toBytes()) {
                throw new WireRejectedException("It is " + size + " bytes; the most we take is "
                        + properties.maxSize().toBytes() + " (masthead.wires.max-size).");
            }
            WireFormat format = WireFormat.ofFileName(name)
                    .orElseThrow(() -> new WireRejectedException(
                            "We do not know its kind: name it .json (ninjs), .xml (NewsML-G2) or .txt (plain text)."));
            byte[] content = Files.readAllBytes(claimed);
            List<WireDesk.Taken> taken =
                    desk.take(WireParsers.parse(format, content, name, properties.defaultAgency()), format, name);
            Files.delete(claimed);
            this.taken.increment();
            taken.forEach(t -> log.info(
                    "Wire: {} {} version {} from {}",
                    t.outcome().name().toLowerCase(Locale.ROOT),
                    t.guid(),
                    t.version(),
                    name));
        } catch (WireRejectedException e) {
            putAside(claimed, name, e.getMessage());
        } catch (IOException e) {
            putAside(claimed, name, "It could not be read: " + e.getClass().getSimpleName() + ".");
        } catch (TransientDataAccessException
                | DataAccessResourceFailureException
                | CannotCreateTransactionException e) {
            // The database, not the file, is at fault: it waits in the folder for the next turn.
            giveBack(claimed, name);
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            log.error("Could not take the wire file {}", name, e);
            putAside(
                    claimed,
                    name,
                    "It could not be taken in (" + e.getClass().getSimpleName() + "); the log says more.");
        }
    }

    /** Files in incoming, oldest first, left alone for the settle time; never hidden or partial ones. */
    private List<Path> waiting() {
        Instant settled = clock.instant().minus(properties.settleTime());
        List<Waiting> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")) {
                    continue;
                }
                try {
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    Instant modified = Files.getLastModifiedTime(file).toInstant();
                    if (!modified.isAfter(settled)) {
                        found.add(new Waiting(file, modified));
                    }
                } catch (IOException e) {
                    // gone meanwhile: another node claimed it
                }
            }
        } catch (IOException e) {
            log.warn("Could not look in the wire folder {}: {}", incoming, e.toString());
            return List.of();
        }
        found.sort(Comparator.comparing(Waiting::modified)
                .thenComparing(w -> w.file().getFileName()));
        return found.stream().limit(LISTED_AT_ONCE).map(Waiting::file).toList();
    }

    private record Waiting(Path file, Instant modified) {}

    /** Claims older than the timeout belong to a node that stopped: back to incoming with them. */
    private void reclaimAbandoned() {
        Instant abandoned = clock.instant().minus(properties.claimTimeout());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(processing)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
                        String claimedName = file.getFileName().toString();
                        int separator = claimedName.indexOf(CLAIM_SEPARATOR);
                        String name = separator < 0 ? claimedName : claimedName.substring(separator + 2);
                        log.warn("Taking back the wire file {}, abandoned while being taken in", name);
                        giveBack(file, name);
                    }
                } catch (IOException e) {
                    // gone meanwhile: its node finished after all
                }
            }
        } catch (IOException e) {
            log.warn("Could not look in the wire folder {}: {}", processing, e.toString());
        }
    }

    private void giveBack(Path claimed, String name) {
        try {
            move(claimed, incoming.resolve(name));
        } catch (IOException e) {
            log.warn("Could not put the wire file {} back: {}", name, e.toString());
        }
    }

    /** Into quarantine, with the reason beside it and in the newsroom's list. */
    private void putAside(Path claimed, String name, String reason) {
        String said = WireText.shownReason(reason);
        Instant now = clock.instant();
        String storedAs = STAMP.format(now) + "-" + node + "-" + claims.get() + "-" + name;
        try {
            Files.writeString(
                    quarantine.resolve(storedAs + ".reason.txt"),
                    "File: " + name + "\nQuarantined: " + now + "\nReason: " + said + "\n",
                    StandardCharsets.UTF_8);
            move(claimed, quarantine.resolve(storedAs));
        } catch (IOException e) {
            log.error("Could not quarantine the wire file {}", name, e);
        }
        putAside.increment();
        log.warn("Wire: quarantined {}: {}", name, said);
        wires.quarantined(name, storedAs, said, now);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
