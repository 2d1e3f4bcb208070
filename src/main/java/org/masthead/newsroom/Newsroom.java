package org.masthead.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.internal.ArticleRepository;
import org.masthead.newsroom.internal.BodyRenderer;
import org.masthead.newsroom.internal.CatalogRepository;
import org.masthead.newsroom.internal.DeskRepository;
import org.masthead.newsroom.internal.ImageRenditions;
import org.masthead.newsroom.internal.ImageRepository;
import org.masthead.newsroom.internal.Renditions;
import org.masthead.newsroom.internal.SectionCache;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PictureRejectedException;
import org.masthead.platform.Pictures;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes the newsroom's content: what journalists file and editors publish. */
@Service
public class Newsroom {

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final int ALT_MAX = 300;
    static final int CAPTION_MAX = 1_000;
    static final int CREDIT_MAX = 200;

    private final ArticleRepository articles;
    private final CatalogRepository catalog;
    private final ImageRepository images;
    private final ImageStore store;
    private final DeskRepository desk;
    private final BodyRenderer bodies;
    private final PublishedContent content;
    private final SectionCache sections;
    private final ApplicationEventPublisher events;
    private final NewsroomProperties properties;
    private final Clock clock;

    Newsroom(
            ArticleRepository articles,
            CatalogRepository catalog,
            ImageRepository images,
            ImageStore store,
            DeskRepository desk,
            BodyRenderer bodies,
            PublishedContent content,
            SectionCache sections,
            ApplicationEventPublisher events,
            NewsroomProperties properties,
            Clock clock) {
        this.articles = articles;
        this.catalog = catalog;
        this.images = images;
        this.store = store;
        this.desk = desk;
        this.bodies = bodies;
        this.content = content;
        this.sections = sections;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Section createSection(NewSection section) {
        requireSlug(section.slug());
        if (SectionPaths.isReserved(section.slug())) {
            throw new ContentRejectedException("'" + section.slug() + "' is a reserved address; choose another slug");
        }
        Section parent = section.parentPath() == null
                ? null
                : content.section(section.parentPath())
                        .orElseThrow(() -> new ContentRejectedException("There is no section " + section.parentPath()));
        Long parentId = parent == null ? null : parent.id();
        String path = parent == null ? section.slug() : parent.path() + "/" + section.slug();
        long id = unique(
                () -> catalog.insertSection(
                        parentId, section.slug(), path, section.name(), section.description(), section.position()),
                "A section already lives at /" + path);
        sections.forget();
        return new Section(
                id, parentId, section.slug(), path, section.name(), section.description(), section.position());
    }

    @Transactional
    public Author createAuthor(NewAuthor author) {
        requireSlug(author.slug());
        long id = unique(
                () -> catalog.insertAuthor(
                        author.slug(), author.name(), author.jobTitle(), author.bio(), author.photoId()),
                "An author already has the slug " + author.slug());
        return catalog.authorById(id).orElseThrow();
    }

    @Transactional
    public Tag createTag(NewTag tag) {
        requireSlug(tag.slug());
        long id = unique(
                () -> catalog.insertTag(tag.slug(), tag.name(), tag.description()),
                "A tag already has the slug " + tag.slug());
        return new Tag(id, tag.slug(), tag.name(), tag.description());
    }

    /**
     * Keeps an image: its picture, upright and with nothing but pixels, as the master every rendition is made
     * from, and its words. Nothing is kept unless all of it can be.
     *
     * @throws RejectedException naming each field at fault ({@code file}, {@code altText}, {@code caption},
     *     {@code credit}, {@code focalX}, {@code focalY})
     */
    public ImageRef storeImage(NewImage image) {
        Map<String, String> errors = wordsProblems(image.altText(), image.caption(), image.credit());
        if (!(image.focalX() >= 0 && image.focalX() <= 1)) {
            errors.put("focalX", "Give the focal point as a percentage across the picture, from 0 to 100.");
        }
        if (!(image.focalY() >= 0 && image.focalY() <= 1)) {
            errors.put("focalY", "Give the focal point as a percentage down the picture, from 0 to 100.");
        }
        ImageRenditions.Master master = null;
        try {
            // Decoding takes a while: done before anything is written, holding no connection.
            master = ImageRenditions.master(Pictures.readUpright(image.bytes(), ImageRef.MAX_WIDTH));
        } catch (PictureRejectedException e) {
            errors.put("file", e.getMessage());
        }
        if (master == null || !errors.isEmpty()) {
            throw new RejectedException("The image was not kept", "Some fields need changing first.", errors);
        }
        long id = images.insert(
                master.width(),
                master.height(),
                image.altText().strip(),
                image.caption().strip(),
                image.credit().strip(),
                image.focalX(),
                image.focalY(),
                image.uploadedBy());
        try {
            store.write(Renditions.masterKey(id), master.jpeg());
        } catch (RuntimeException e) {
            images.delete(id);
            throw e;
        }
        return images.find(id).orElseThrow();
    }

    /**
     * Changes what an image's words say: its alt text, caption and credit. Every article that shows it, as
     * its main image or in its body, shows the new words from now on; the pages of those published are
     * announced as changed.
     *
     * @throws RejectedException naming each field at fault ({@code altText}, {@code caption}, {@code credit})
     */
    @Transactional
    public ImageRef describeImage(long id, String altText, String caption, String credit) {
        Map<String, String> errors = wordsProblems(altText, caption, credit);
        if (!errors.isEmpty()) {
            throw new RejectedException("The words were not changed", "Some fields need changing first.", errors);
        }
        if (!images.describe(id, altText.strip(), caption.strip(), credit.strip())) {
            throw new NotFoundException("There is no image " + id + " in the library.");
        }
        for (ArticleRepository.ImageUse use : articles.usesOf(id)) {
            if (use.inBody()) {
                // The credit under a figure comes from the library, so bodies showing it are drawn again.
                articles.setBodyHtml(use.articleId(), bodies.toHtml(use.bodySource()));
            }
            if (use.published()) {
                announce(use.articleId());
            }
        }
        return images.find(id).orElseThrow();
    }

    private static Map<String, String> wordsProblems(String altText, String caption, String credit) {
        Map<String, String> errors = new LinkedHashMap<>();
        String alt = altText.strip();
        if (alt.isEmpty()) {
            errors.put("altText", "Describe what the image shows, for readers who cannot see it.");
        } else if (alt.length() > ALT_MAX) {
            errors.put("altText", "Keep the alt text to " + ALT_MAX + " characters: say what matters in the picture.");
        }
        if (caption.strip().length() > CAPTION_MAX) {
            errors.put("caption", "Keep the caption to " + CAPTION_MAX + " characters.");
        }
        if (credit.strip().length() > CREDIT_MAX) {
            errors.put("credit", "Keep the credit to " + CREDIT_MAX + " characters.");
        }
        return errors;
    }

    /** Files a draft; nothing is public until it is published. */
    @Transactional
    public long createDraft(ArticleDraft draft) {
        requireSlug(draft.slug());
        if (draft.headline().isBlank()) {
            throw new ContentRejectedException("An article needs a headline");
        }
        Section section = content.section(draft.sectionPath())
                .orElseThrow(() -> new ContentRejectedException("There is no section " + draft.sectionPath()));
        List<Long> authorIds = draft.authorSlugs().stream()
                .map(slug -> catalog.authorIdBySlug(slug)
                        .orElseThrow(() -> new ContentRejectedException("There is no author " + slug)))
                .toList();
        List<Long> tagIds = draft.tagSlugs().stream()
                .map(slug -> catalog.tagIdBySlug(slug)
                        .orElseThrow(() -> new ContentRejectedException("There is no tag " + slug)))
                .toList();
        long id = unique(
                () -> articles.insertDraft(
                        section.id(),
                        draft.slug(),
                        draft.headline().strip(),
                        draft.standfirst().strip(),
                        draft.bodyMarkdown(),
                        bodies.toHtml(draft.bodyMarkdown()),
                        draft.mainImageId()),
                "Another article already has the slug " + draft.slug());
        articles.setAuthors(id, authorIds);
        articles.setTags(id, tagIds);
        desk.insertRevision(
                id,
                1,
                null,
                clock.instant(),
                new DeskRepository.Words(
                        draft.headline().strip(), draft.standfirst().strip(), draft.bodyMarkdown(), "", ""),
                "");
        return id;
    }

    /** Publishes now. */
    @Transactional
    public void publish(long articleId) {
        publish(articleId, clock.instant());
    }

    /**
     * Publishes as of the given time (back-dated for imported copy). Republishing a published article
     * marks it updated; its URL stays the same.
     */
    @Transactional
    public void publish(long articleId, Instant at) {
        if (!articles.publish(articleId, at, at.plus(properties.commentsOpenFor()))) {
            throw new ContentRejectedException("There is no article " + articleId);
        }
        announce(articleId);
    }

    private void announce(long articleId) {
        events.publishEvent(new ArticlePublished(
                articleId,
                articles.sectionIdOf(articleId),
                articles.tagIdsOf(articleId),
                articles.authorIdsOf(articleId)));
    }

    /**
     * Opens or closes comments on a published article, or sets when they close (null: never, while
     * open). Pages that show the conversation are told through {@link ArticleCommentsChanged}.
     *
     * @throws ContentRejectedException when there is no such published article
     */
    @Transactional
    public void changeComments(long articleId, boolean enabled, @Nullable Instant closeAt) {
        if (!articles.changeComments(articleId, enabled, closeAt)) {
            throw new ContentRejectedException("There is no published article " + articleId);
        }
        events.publishEvent(new ArticleCommentsChanged(articleId, enabled, closeAt));
    }

    private static void requireSlug(String slug) {
        if (!slug.matches(SLUG)) {
            throw new ContentRejectedException(
                    "'" + slug + "' is not a valid slug: use lower-case letters and digits joined by single hyphens");
        }
    }

    private static long unique(java.util.function.LongSupplier insert, String messageIfTaken) {
        try {
            return insert.getAsLong();
        } catch (DuplicateKeyException e) {
            throw new ContentRejectedException(messageIfTaken);
        }
    }
}
