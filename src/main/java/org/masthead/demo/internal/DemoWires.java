package org.masthead.demo.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import org.masthead.demo.DemoProperties;
import org.masthead.newsroom.WireInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo agency's sample copy ({@code demo/wires}: ninjs, NewsML-G2 and plain text from the invented
 * Meridian Press Agency), left in the wire folder once per demo site, so that the newsroom's wire queue
 * has stories in it, one with two versions, and the folder's own intake takes them in as it would an
 * agency's.
 */
@Component
class DemoWires {

    static final String FILES = "classpath*:demo/wires/*";

    private static final Logger log = LoggerFactory.getLogger(DemoWires.class);

    private final DemoProperties properties;
    private final WireInbox inbox;
    private final JdbcClient db;
    private final Clock clock;

    DemoWires(DemoProperties properties, WireInbox inbox, JdbcClient db, Clock clock) {
        this.properties = properties;
        this.inbox = inbox;
        this.db = db;
        this.clock = clock;
    }

    /** After the demo articles have had their chance to load (see {@link DemoSetUp}); never stops the site. */
    void deliverOnFirstStart() {
        if (!properties.demoContent() || !claim()) {
            return;
        }
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(FILES);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                inbox.deliver(file.getFilename(), file.getContentAsByteArray());
            }
            log.info("Left {} sample agency files in the wire folder", files.length);
        } catch (IOException | RuntimeException e) {
            log.error("Could not leave the demo's sample agency stories in the wire folder", e);
        }
    }

    /** Once per site, by one node: only where demo articles were loaded and nobody has delivered these yet. */
    private boolean claim() {
        return db.sql("UPDATE demo_content SET wires_at = :now WHERE article_count > 0 AND wires_at IS NULL")
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }
}
