package org.masthead.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.masthead.newsroom.internal.wire.WireDesk;
import org.masthead.newsroom.internal.wire.WireFolder;
import org.masthead.newsroom.internal.wire.WireRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The wire folder and queue for tests: copy left in the folder as an agency would leave it, taken in
 * at once rather than at the next poll, and what became of it.
 */
@Component
public class TestWires {

    public static final String TOKEN = "test-wire-token";

    private final WireFolder folder;
    private final WireDesk desk;
    private final JdbcClient db;

    TestWires(WireFolder folder, WireDesk desk, JdbcClient db) {
        this.folder = folder;
        this.desk = desk;
        this.db = db;
    }

    /** A story in ninjs. */
    public static String ninjs(String guid, int version, String headline, String body) {
        return """
                {"uri": "%s", "version": "%d", "urgency": 4, "infosource": [{"name": "Test Press"}],
                 "headline": "%s", "body_text": "%s"}"""
                .formatted(guid, version, headline, body.replace("\n", "\\n"));
    }

    /** A story in NewsML-G2. */
    public static String newsMl(String guid, int version, String headline, String paragraph) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="%d">
                  <itemMeta><provider literal="tp"><name>Test Press</name></provider></itemMeta>
                  <contentMeta><urgency>2</urgency><headline>%s</headline></contentMeta>
                  <contentSet><inlineXML contenttype="application/xhtml+xml">
                    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>%s</p></body></html>
                  </inlineXML></contentSet>
                </newsItem>"""
                .formatted(guid, version, headline, paragraph);
    }

    /** Leaves a file in the wire folder, written a while ago, as a finished delivery is. */
    public Path drop(String name, byte[] content) {
        try {
            // Written under a hidden name and renamed, as an agency delivers: a node polling the folder
            // never sees the file half written or before its time is set.
            Path hidden = folder.incoming().resolve("." + name);
            Files.write(hidden, content);
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minusSeconds(60)));
            return Files.move(hidden, folder.incoming().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes in everything waiting in the folder now. */
    public void takeWaiting() {
        folder.takeWaiting();
    }

    public Path incoming() {
        return folder.incoming();
    }

    public Path quarantine() {
        return folder.quarantine();
    }

    public Optional<WireRepository.Item> story(String guid) {
        return db.sql("SELECT id FROM wire_item WHERE guid = :guid")
                .param("guid", guid)
                .query(Long.class)
                .optional()
                .map(desk::item);
    }

    public List<WireRepository.Version> versions(String guid) {
        return story(guid).map(item -> desk.versions(item.id())).orElse(List.of());
    }

    /** What was put aside under this file name, newest first. */
    public List<WireRepository.Quarantined> quarantined(String fileName) {
        return desk.quarantine(1_000).stream()
                .filter(q -> q.fileName().equals(fileName))
                .toList();
    }
}
