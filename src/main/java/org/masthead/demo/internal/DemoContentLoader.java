package org.masthead.demo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.demo.DemoProperties;
import org.masthead.demo.internal.DemoCatalog.DemoArticle;
import org.masthead.demo.internal.DemoCatalog.DemoAuthor;
import org.masthead.demo.internal.DemoCatalog.DemoSection;
import org.masthead.demo.internal.DemoCatalog.DemoTag;
import org.masthead.newsroom.ArticleDraft;
import org.masthead.newsroom.NewAuthor;
import org.masthead.newsroom.NewImage;
import org.masthead.newsroom.NewSection;
import org.masthead.newsroom.NewTag;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty site with the bundled demo content on its first start.
 *
 * <p>It runs once per database, not once per start: the {@code demo_content} table records that the moment
 * has passed, so a site whose editors delete the demo articles stays empty. A site that already has content
 * of its own is never touched. Everything is stored in one transaction with that record, so a failed load
 * leaves nothing behind and is tried again on the next start.
 */
@Component
class DemoContentLoader {

    static final int ILLUSTRATION_WIDTH = 1280;
    static final int ILLUSTRATION_HEIGHT = 720;
    static final int PORTRAIT_SIZE = 640;

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final DemoProperties properties;
    private final Newsroom newsroom;
    private final PublishedContent content;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    DemoContentLoader(
            DemoProperties properties,
            Newsroom newsroom,
            PublishedContent content,
            JdbcClient db,
            PlatformTransactionManager transactionManager,
            Clock clock,
            SiteProperties site) {
        this.properties = properties;
        this.newsroom = newsroom;
        this.content = content;
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.zone = site.timeZone();
    }

    /**
     * Runs before the site takes requests (see {@link DemoSetUp}). A failure here is reported without stopping
     * the site: the demo is a convenience, never a reason for the paper to be down.
     */
    void loadOnFirstStart() {
        if (!properties.demoContent() || alreadyDecided()) {
            return;
        }
        try {
            load();
        } catch (RuntimeException e) {
            log.error("Could not load the demo content; it will be tried again on the next start", e);
        }
    }

    void load() {
        long started = System.nanoTime();
        DemoCatalog catalog = DemoCatalog.load(
                new PathMatchingResourcePatternResolver(getClass().getClassLoader()));
        log.info(
                "Loading the demo content before the site takes requests: {} articles with their pictures",
                catalog.articles().size());
        // Drawing and encoding are the slow part, so they happen in parallel and before the transaction opens.
        Pictures pictures = draw(catalog);
        log.info(
                "Demo content: pictures drawn in {} ms; storing the articles",
                (System.nanoTime() - started) / 1_000_000);
        Integer loaded = transactions.execute(status -> {
            // Several nodes of one site may start together; the lock lets exactly one of them decide.
            db.sql("LOCK TABLE demo_content IN SHARE ROW EXCLUSIVE MODE").update();
            if (alreadyDecided()) {
                return null;
            }
            int articles = siteIsEmpty() ? store(catalog, pictures) : 0;
            db.sql("INSERT INTO demo_content (loaded_at, article_count) VALUES (:at, :count)")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("count", articles)
                    .update();
            return articles;
        });
        if (loaded == null) {
            return;
        }
        if (loaded == 0) {
            log.info("The site already has content of its own, so no demo content was loaded");
        } else {
            log.info(
                    "Loaded demo content: {} articles, {} sections, {} authors and {} tags in {} ms",
                    loaded,
                    catalog.sections().size(),
                    catalog.authors().size(),
                    catalog.tags().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private boolean alreadyDecided() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM demo_content)")
                .query(Boolean.class)
                .single();
    }

    /** Demo content would sit confusingly among an editor's own work, or collide with its addresses. */
    private boolean siteIsEmpty() {
        return content.sections().isEmpty()
                && content.tags().isEmpty()
                && content.authors().isEmpty()
                && content.latest(1).isEmpty();
    }

    private int store(DemoCatalog catalog, Pictures pictures) {
        for (DemoSection section : catalog.sections()) {
            newsroom.createSection(new NewSection(
                    section.parentPath(), section.slug(), section.name(), section.description(), section.position()));
        }
        for (DemoTag tag : catalog.tags()) {
            newsroom.createTag(new NewTag(tag.slug(), tag.name(), tag.description()));
        }
        for (DemoAuthor author : catalog.authors()) {
            long photo = newsroom.storeImage(new NewImage(
                            pictures.portraits().get(author.slug()),
                            "An abstract portrait of " + author.name(),
                            "",
                            "Illustration: Masthead demo"))
                    .id();
            newsroom.createAuthor(new NewAuthor(author.slug(), author.name(), author.jobTitle(), author.bio(), photo));
        }
        Instant now = clock.instant();
        // Oldest first, so that article ids rise with publication time as they would on a real site.
        List<DemoArticle> byPublication = catalog.articles().stream()
                .sorted(Comparator.comparing(
                        (DemoArticle article) -> article.published().resolve(now, zone)))
                .toList();
        int stored = 0;
        for (DemoArticle article : byPublication) {
            long image = newsroom.storeImage(new NewImage(
                            pictures.illustrations().get(article.slug()),
                            article.imageAlt(),
                            article.imageCaption(),
                            article.imageCredit()))
                    .id();
            long id = newsroom.createDraft(new ArticleDraft(
                    article.sectionPath(),
                    article.slug(),
                    article.headline(),
                    article.standfirst(),
                    article.body(),
                    image,
                    article.authorSlugs(),
                    article.tagSlugs()));
            newsroom.publish(id, article.published().resolve(now, zone));
            progress("stored", ++stored, byPublication.size(), "articles");
        }
        return byPublication.size();
    }

    /** Encoded pictures by slug. */
    private record Pictures(Map<String, byte[]> portraits, Map<String, byte[]> illustrations) {}

    private static Pictures draw(DemoCatalog catalog) {
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        int total = catalog.authors().size() + catalog.articles().size();
        AtomicInteger drawn = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            Map<String, Future<byte[]>> portraits = new HashMap<>();
            for (DemoAuthor author : catalog.authors()) {
                portraits.put(
                        author.slug(),
                        pool.submit(() -> counted(DemoImages.portrait(author.slug(), PORTRAIT_SIZE), drawn, total)));
            }
            Map<String, Future<byte[]>> illustrations = new HashMap<>();
            for (DemoArticle article : catalog.articles()) {
                illustrations.put(
                        article.slug(),
                        pool.submit(() -> counted(
                                DemoImages.illustration(
                                        article.imageTheme(), article.slug(), ILLUSTRATION_WIDTH, ILLUSTRATION_HEIGHT),
                                drawn,
                                total)));
            }
            return new Pictures(done(portraits), done(illustrations));
        }
    }

    private static byte[] counted(byte[] picture, AtomicInteger drawn, int total) {
        progress("drew", drawn.incrementAndGet(), total, "pictures");
        return picture;
    }

    private static Map<String, byte[]> done(Map<String, Future<byte[]>> pending) {
        Map<String, byte[]> done = new HashMap<>();
        for (Map.Entry<String, Future<byte[]>> entry : pending.entrySet()) {
            try {
                done.put(entry.getKey(), entry.getValue().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while drawing the demo pictures", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not draw the demo picture for " + entry.getKey(), e.getCause());
            }
        }
        return done;
    }

    /** A line every ten, and one at the end: a first start is slow, and the log should say it is moving. */
    private static void progress(String did, int count, int total, String what) {
        if (count % 10 == 0 || count == total) {
            log.info("Demo content: {} {} of {} {}", did, count, total, what);
        }
    }
}
