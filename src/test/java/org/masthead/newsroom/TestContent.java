package org.masthead.newsroom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.FrontDesk;
import org.masthead.newsroom.internal.Staff;
import org.springframework.stereotype.Component;

/**
 * Builds newsroom content for tests through the newsroom's own API. Slugs are made unique, since
 * test classes share one database.
 */
@Component
public class TestContent {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Newsroom newsroom;
    private final FrontDesk fronts;
    private final Desk desk;

    TestContent(Newsroom newsroom, FrontDesk fronts, Desk desk) {
        this.newsroom = newsroom;
        this.fronts = fronts;
        this.desk = desk;
    }

    /** Takes a published article away from readers, as an editor would, naming no replacement. */
    public void unpublish(long articleId) {
        desk.unpublish(new Staff(0, "Test editor", true), articleId, "");
    }

    /** Publishes an article again, as after an update: its first publication time stays. */
    public void republish(long articleId) {
        newsroom.publish(articleId);
    }

    /**
     * Takes every story off the front and publishes it so, as an editor would: the front fills by
     * recency again. Test classes share one home page; a test that curates it puts it back.
     */
    public void clearFront(Front front) {
        Staff editor = new Staff(0, "Test editor", true);
        fronts.draft(editor, front).slots().forEach(slot -> fronts.remove(editor, front, slot.articleId()));
        fronts.publish(editor, front);
    }

    public static String unique(String base) {
        return base + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public Section section(String name) {
        return newsroom.createSection(new NewSection(null, unique("s"), name, "All about " + name, 100));
    }

    public Section subSection(Section parent, String name) {
        return newsroom.createSection(new NewSection(parent.path(), unique("sub"), name, "", 0));
    }

    public Author author(String name) {
        return newsroom.createAuthor(
                new NewAuthor(unique("author"), name, "Correspondent", name + " writes for us.", null));
    }

    public Tag tag(String name) {
        return newsroom.createTag(new NewTag(unique("tag"), name, "Everything on " + name));
    }

    public ImageRef image(String altText) {
        BufferedImage image = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 1000, 600);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newsroom.storeImage(
                new NewImage(png.toByteArray(), altText, "A caption for " + altText, "Photograph: Test"));
    }

    /** An article under construction; {@link #publishedAt} files and publishes it. */
    public ArticleBuilder article(Section section) {
        return new ArticleBuilder(section);
    }

    public final class ArticleBuilder {

        private final Section section;
        private String slug = unique("article");
        private String headline = "A headline " + SEQUENCE.get();
        private String standfirst = "A standfirst that sums the story up.";
        private String body = "The first paragraph.\n\nThe second paragraph.";
        private List<Author> authors = List.of();
        private List<Tag> tags = List.of();
        private ImageRef image;

        private ArticleBuilder(Section section) {
            this.section = section;
        }

        public ArticleBuilder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public ArticleBuilder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public ArticleBuilder standfirst(String standfirst) {
            this.standfirst = standfirst;
            return this;
        }

        public ArticleBuilder body(String markdown) {
            this.body = markdown;
            return this;
        }

        public ArticleBuilder by(Author... authors) {
            this.authors = List.of(authors);
            return this;
        }

        public ArticleBuilder tagged(Tag... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public ArticleBuilder image(ImageRef image) {
            this.image = image;
            return this;
        }

        public long draft() {
            return newsroom.createDraft(new ArticleDraft(
                    section.path(),
                    slug,
                    headline,
                    standfirst,
                    body,
                    image == null ? null : image.id(),
                    authors.stream().map(Author::slug).toList(),
                    tags.stream().map(Tag::slug).toList()));
        }

        public long publishedAt(Instant at) {
            long id = draft();
            newsroom.publish(id, at);
            return id;
        }

        public long published() {
            long id = draft();
            newsroom.publish(id);
            return id;
        }
    }
}
