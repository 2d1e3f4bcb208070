package org.masthead.newsroom.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticleCommentsChanged;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.StoryDecided;
import org.masthead.newsroom.Tag;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.masthead.platform.SiteProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's workflow: journalists file drafts, edit their own while they are drafts, and submit
 * them; editors edit anything, send drafts back with a note, publish, update and unpublish. Every save
 * of the words keeps a revision; a save based on an older version than the article's is refused; every
 * step is written to the audit log. Every rule is checked here, whatever the route that asked.
 */
@Service
public class Desk {

    static final int HEADLINE_MAX = 250;
    static final int STANDFIRST_MAX = 600;
    static final int SEO_TITLE_MAX = 120;
    static final int SEO_DESCRIPTION_MAX = 300;
    /** The longest body, in characters: a long read of some 30,000 words. */
    public static final int BODY_MAX = 200_000;

    static final int CORRECTION_MAX = 2_000;
    static final int NOTE_MAX = 2_000;
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm 'on' d MMMM", Locale.UK);

    /** A save that was kept: the version the editor now works on, and when. */
    public record Saved(int version, Instant at) {}

    private final DeskRepository desk;
    private final ArticleRepository articles;
    private final CatalogRepository catalog;
    private final PublishedContent content;
    private final Newsroom newsroom;
    private final BodyRenderer bodies;
    private final StaffNames names;
    private final PublicationJobs jobs;
    private final CorrectionRepository corrections;
    private final ImageRepository images;
    private final ApplicationEventPublisher events;
    private final SiteProperties site;
    private final Clock clock;

    Desk(
            DeskRepository desk,
            ArticleRepository articles,
            CatalogRepository catalog,
            PublishedContent content,
            Newsroom newsroom,
            BodyRenderer bodies,
            StaffNames names,
            PublicationJobs jobs,
            CorrectionRepository corrections,
            ImageRepository images,
            ApplicationEventPublisher events,
            SiteProperties site,
            Clock clock) {
        this.desk = desk;
        this.articles = articles;
        this.catalog = catalog;
        this.content = content;
        this.newsroom = newsroom;
        this.bodies = bodies;
        this.names = names;
        this.jobs = jobs;
        this.corrections = corrections;
        this.images = images;
        this.events = events;
        this.site = site;
        this.clock = clock;
    }

    /** Files a new draft, owned by whoever filed it. */
    @Transactional
    public long create(Staff staff, ArticleEdit edit) {
        Instant now = clock.instant();
        Checked checked = check(staff, edit, null);
        DeskRepository.Words words = checked.words();
        long id = desk.insert(words, bodies.toHtml(words.bodySource()), checked.settings(), staff.accountId(), now);
        articles.setTags(id, checked.tagIds());
        articles.setAuthors(id, checked.authorIds());
        desk.insertRevision(id, 1, staff.accountId(), now, words, "");
        desk.audit(id, staff.accountId(), Action.CREATED, "", now);
        return id;
    }

    /** The article, if this person may see it: editors see every article, journalists their own. */
    @Transactional(readOnly = true)
    public DeskRepository.WorkingCopy open(Staff staff, long id) {
        DeskRepository.WorkingCopy article = desk.find(id).orElseThrow(() -> notFound(id));
        requireSight(staff, article);
        return article;
    }

    /**
     * Whose an article is, for a page that links to it (the wire queue): whether this person may open it,
     * and otherwise who filed it, so that nobody is sent to a page that refuses them.
     */
    public record Holder(long articleId, boolean mayOpen, ArticleState state, String filedBy) {

        /** "It is a draft already: Eddie Editor is working on it.", or where the story stands once out. */
        public String inWords() {
            return switch (state) {
                case PUBLISHED -> "It was made into an article, which is published.";
                case UNPUBLISHED -> "It was made into an article, since taken off the site.";
                default -> "It is a draft already: " + filedBy + " is working on it.";
            };
        }
    }

    /** The holders of these articles that still exist, by article. */
    @Transactional(readOnly = true)
    public Map<Long, Holder> holders(Staff staff, Collection<Long> ids) {
        Map<Long, Holder> holders = new LinkedHashMap<>();
        for (long id : new LinkedHashSet<>(ids)) {
            desk.find(id)
                    .ifPresent(article -> holders.put(
                            id,
                            new Holder(
                                    id,
                                    staff.editor() || isOwner(staff, article),
                                    article.state(),
                                    names.of(article.createdBy()))));
        }
        return holders;
    }

    /** Editors may change any article; journalists only their own, and only while it is a draft. */
    public boolean mayEdit(Staff staff, DeskRepository.WorkingCopy article) {
        return staff.editor() || (isOwner(staff, article) && article.state() == ArticleState.DRAFT);
    }

    /**
     * Saves the article as edited from {@code baseVersion}. Saving a published article updates what
     * readers see at once, and marks it updated.
     *
     * @throws ConflictException when someone saved it after {@code baseVersion}: nothing is changed
     */
    @Transactional
    public Saved save(Staff staff, long id, int baseVersion, ArticleEdit edit, boolean autosave) {
        DeskRepository.WorkingCopy article = desk.lock(id).orElseThrow(() -> notFound(id));
        requireEdit(staff, article);
        if (article.version() != baseVersion) {
            throw changedMeanwhile(staff, article);
        }
        Checked checked = check(staff, edit, article);
        Instant now = clock.instant();
        int version = article.version() + 1;
        List<Long> oldTags = articles.tagIdsOf(id);
        List<Long> oldAuthors = articles.authorIdsOf(id);
        DeskRepository.Words words = checked.words();
        desk.save(id, words, bodies.toHtml(words.bodySource()), checked.settings(), version, now);
        articles.setTags(id, checked.tagIds());
        articles.setAuthors(id, checked.authorIds());
        desk.insertRevision(id, version, staff.accountId(), now, words, "");
        if (article.state().isLive()) {
            goLive(article, checked, oldTags, oldAuthors, now);
            desk.audit(id, staff.accountId(), Action.UPDATED, "version " + version, now);
        } else if (!autosave) {
            desk.audit(id, staff.accountId(), Action.SAVED, "version " + version, now);
        }
        return new Saved(version, now);
    }

    /** A journalist hands their draft to the editors. */
    @Transactional
    public void submit(Staff staff, long id) {
        DeskRepository.WorkingCopy article = desk.lock(id).orElseThrow(() -> notFound(id));
        requireSight(staff, article);
        if (!staff.editor() && !isOwner(staff, article)) {
            throw new NotAllowedException("Only its author or an editor can submit this article.");
        }
        requireState(article, "submitted for review", ArticleState.DRAFT);
        Instant now = clock.instant();
        desk.changeState(id, ArticleState.IN_REVIEW, "", now);
        desk.audit(id, staff.accountId(), Action.SUBMITTED, "", now);
    }

    /** An editor returns a submitted draft to its journalist, saying what it needs. */
    @Transactional
    public void sendBack(Staff staff, long id, String note) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "send articles back");
        requireState(article, "sent back", ArticleState.IN_REVIEW);
        // A browser counts a line break as one character against maxlength, and sends two.
        String said = note.replace("\r\n", "\n").strip();
        if (said.isEmpty()) {
            throw new RejectedException(
                    "No note", "note", "Say what the draft needs, so that its journalist knows what to change.");
        }
        if (said.length() > NOTE_MAX) {
            throw new RejectedException("Too long", "note", "Keep the note to " + NOTE_MAX + " characters.");
        }
        Instant now = clock.instant();
        desk.changeState(id, ArticleState.DRAFT, said, now);
        long decision = desk.audit(id, staff.accountId(), Action.SENT_BACK, said, now);
        tellJournalist(article, decision, staff.accountId(), StoryDecided.Outcome.SENT_BACK, said, now);
    }

    /** Puts the article before readers now, through the newsroom's one path to publication. */
    @Transactional
    public void publish(Staff staff, long id) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "publish");
        requireState(
                article,
                "published",
                ArticleState.DRAFT,
                ArticleState.IN_REVIEW,
                ArticleState.SCHEDULED,
                ArticleState.UNPUBLISHED);
        requireReadyForReaders(article);
        if (article.state() == ArticleState.SCHEDULED) {
            jobs.cancel(id);
        }
        long decision = goPublic(id, staff.accountId(), "");
        tellJournalist(article, decision, staff.accountId(), StoryDecided.Outcome.PUBLISHED, "", clock.instant());
    }

    private void tellJournalist(
            DeskRepository.WorkingCopy article,
            long decision,
            long editorId,
            StoryDecided.Outcome outcome,
            String note,
            Instant at) {
        Long journalist = article.createdBy();
        if (journalist != null && journalist != editorId) {
            events.publishEvent(new StoryDecided(
                    decision, article.id(), article.words().headline(), journalist, editorId, outcome, note, at));
        }
    }

    /**
     * Publishes the article at the given time, on whichever node is running then, once.
     *
     * @throws RejectedException when the time has passed
     */
    @Transactional
    public void schedule(Staff staff, long id, Instant at) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "schedule articles");
        requireState(
                article,
                "scheduled",
                ArticleState.DRAFT,
                ArticleState.IN_REVIEW,
                ArticleState.SCHEDULED,
                ArticleState.UNPUBLISHED);
        requireFuture(at);
        requireReadyForReaders(article);
        Instant now = clock.instant();
        desk.changeState(id, ArticleState.SCHEDULED, "", now);
        desk.scheduleFor(id, at);
        jobs.publishAt(id, at);
        desk.audit(
                id,
                staff.accountId(),
                Action.SCHEDULED,
                "for " + TIME.format(ZonedDateTime.ofInstant(at, site.timeZone())),
                now);
    }

    /**
     * Refuses a publication time that has passed. The editor page asks before it saves the form, so that a
     * refused schedule leaves no new version behind.
     */
    public void requireFuture(Instant at) {
        if (!at.isAfter(clock.instant())) {
            throw new RejectedException(
                    "In the past", "publishAt", "Choose a time that has not passed yet, or publish now.");
        }
    }

    /** Takes a scheduled article off the schedule, back to a draft. */
    @Transactional
    public void unschedule(Staff staff, long id) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "change the schedule");
        requireState(article, "taken off the schedule", ArticleState.SCHEDULED);
        Instant now = clock.instant();
        jobs.cancel(id);
        desk.changeState(id, ArticleState.DRAFT, "", now);
        desk.scheduleFor(id, null);
        desk.audit(id, staff.accountId(), Action.UNSCHEDULED, "", now);
    }

    /**
     * The scheduled job's work: publishes the article if it is still scheduled. A job whose schedule
     * was changed or taken back meanwhile finds it otherwise and leaves it be.
     */
    @Transactional
    public void publishAsScheduled(long id) {
        DeskRepository.WorkingCopy article = desk.lock(id).orElse(null);
        if (article == null || article.state() != ArticleState.SCHEDULED) {
            return;
        }
        long decision = goPublic(id, null, "as scheduled");
        Long scheduledBy = desk.lastDoneBy(id, Action.SCHEDULED);
        if (scheduledBy != null) {
            tellJournalist(article, decision, scheduledBy, StoryDecided.Outcome.PUBLISHED, "", clock.instant());
        }
    }

    /** @return the desk's record of the publication */
    private long goPublic(long id, @Nullable Long accountId, String detail) {
        Instant now = clock.instant();
        newsroom.publish(id, now);
        desk.changeState(id, ArticleState.PUBLISHED, "", now);
        desk.scheduleFor(id, null);
        return desk.audit(id, accountId, Action.PUBLISHED, detail, now);
    }

    /**
     * Takes a published article away from readers. Its address then answers 410 Gone, or, when the
     * editor names the published article that replaces it (by its address on the site), redirects there.
     *
     * @param replacement the replacement's address or slug; empty for none
     */
    @Transactional
    public void unpublish(Staff staff, long id, String replacement) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "unpublish");
        requireState(article, "unpublished", ArticleState.PUBLISHED);
        PublishedArticle replacing = replacementOf(id, replacement);
        Long replacementId = replacing == null ? null : replacing.id();
        Instant now = clock.instant();
        desk.changeState(id, ArticleState.UNPUBLISHED, "", now);
        desk.replaceWith(id, replacementId);
        events.publishEvent(new ArticlePublished(
                id, article.settings().sectionId(), articles.tagIdsOf(id), articles.authorIdsOf(id)));
        desk.audit(
                id,
                staff.accountId(),
                Action.UNPUBLISHED,
                // Staff know the replacement by its headline: its number appears nowhere they look.
                replacing == null ? "" : "replaced by “" + replacing.headline() + "”",
                now);
    }

    /** The published article an address names: its slug is the address's last part. */
    private @Nullable PublishedArticle replacementOf(long id, String address) {
        String trimmed = address.strip().replaceAll("[?#].*$", "").replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return null;
        }
        String slug = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return content.article(slug)
                .filter(found -> found.id() != id)
                .orElseThrow(() -> new RejectedException(
                        "No such replacement",
                        "replacement",
                        "No other published article lives at " + address.strip()
                                + ". Give the address of the article that replaces it, or leave it empty."));
    }

    /**
     * Adds a correction or clarification to a published article: readers see it under the article
     * with its date, and on the corrections page and its feed, as soon as it is added.
     */
    @Transactional
    public void correct(Staff staff, long id, boolean clarification, String text) {
        DeskRepository.WorkingCopy article = lockForEditor(staff, id, "add corrections");
        requireState(article, "corrected", ArticleState.PUBLISHED);
        String said = text.strip();
        if (said.isEmpty()) {
            throw new RejectedException("No correction", "text", "Say what was wrong, or unclear, and what is right.");
        }
        if (said.length() > CORRECTION_MAX) {
            throw new RejectedException("Too long", "text", "Keep a correction to " + CORRECTION_MAX + " characters.");
        }
        Instant now = clock.instant();
        corrections.insert(id, clarification, said, staff.accountId(), now);
        desk.changeState(id, ArticleState.PUBLISHED, "", now);
        events.publishEvent(new ArticlePublished(
                id, article.settings().sectionId(), articles.tagIdsOf(id), articles.authorIdsOf(id)));
        desk.audit(id, staff.accountId(), clarification ? Action.CLARIFIED : Action.CORRECTED, said, now);
    }

    /** Makes an earlier revision's words the article's words again, as a new revision. */
    @Transactional
    public Saved restore(Staff staff, long id, int version) {
        DeskRepository.WorkingCopy article = desk.lock(id).orElseThrow(() -> notFound(id));
        requireEdit(staff, article);
        DeskRepository.Revision revision = desk.revision(id, version)
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no version " + version));
        Instant now = clock.instant();
        int next = article.version() + 1;
        DeskRepository.Words words = revision.words();
        desk.save(id, words, bodies.toHtml(words.bodySource()), article.settings(), next, now);
        desk.insertRevision(id, next, staff.accountId(), now, words, "Restored version " + version);
        if (article.state().isLive()) {
            newsroom.publish(id, now);
        }
        desk.audit(id, staff.accountId(), Action.RESTORED, "version " + version + " as version " + next, now);
        return new Saved(next, now);
    }

    @Transactional(readOnly = true)
    public List<DeskRepository.Revision> revisions(Staff staff, long id) {
        open(staff, id);
        return desk.revisions(id);
    }

    @Transactional(readOnly = true)
    public DeskRepository.Revision revision(Staff staff, long id, int version) {
        open(staff, id);
        return desk.revision(id, version)
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no version " + version));
    }

    /** One article's history, newest first. */
    @Transactional(readOnly = true)
    public List<DeskRepository.AuditEntry> history(Staff staff, long id) {
        open(staff, id);
        return desk.auditLog(id, null, 200);
    }

    /** The whole newsroom's history, newest first: for editors. */
    @Transactional(readOnly = true)
    public List<DeskRepository.AuditEntry> log(Staff staff, @Nullable Long beforeId, int limit) {
        if (!staff.editor()) {
            throw new NotAllowedException("The newsroom's log is for editors.");
        }
        return desk.auditLog(null, beforeId, limit);
    }

    /** A list for the desk; journalists see only what they filed. */
    @Transactional(readOnly = true)
    public List<DeskRepository.Listed> list(Staff staff, DeskRepository.Criteria criteria, int limit) {
        DeskRepository.Criteria seen = staff.editor()
                ? criteria
                : new DeskRepository.Criteria(
                        staff.accountId(),
                        criteria.state(),
                        criteria.sectionId(),
                        criteria.authorId(),
                        criteria.text(),
                        criteria.from(),
                        criteria.until());
        return desk.list(seen, limit);
    }

    /** The article's topics and bylines as they are now, by name, in order. */
    @Transactional(readOnly = true)
    public Placement placement(long id) {
        return new Placement(
                catalog.tagsOf(id).stream().map(Tag::name).toList(),
                catalog.authorsOf(id).stream().map(Author::name).toList());
    }

    public record Placement(List<String> topics, List<String> bylines) {}

    private void goLive(
            DeskRepository.WorkingCopy before,
            Checked checked,
            List<Long> oldTags,
            List<Long> oldAuthors,
            Instant now) {
        long id = before.id();
        DeskRepository.Settings settings = checked.settings();
        // Pages that listed it where it was are stale too, when it moved.
        if (before.settings().sectionId() != settings.sectionId()
                || !oldTags.equals(checked.tagIds())
                || !oldAuthors.equals(checked.authorIds())) {
            events.publishEvent(new ArticlePublished(id, before.settings().sectionId(), oldTags, oldAuthors));
        }
        newsroom.publish(id, now);
        if (before.settings().commentsEnabled() != settings.commentsEnabled()
                || !Objects.equals(before.settings().commentsCloseAt(), settings.commentsCloseAt())) {
            events.publishEvent(new ArticleCommentsChanged(id, settings.commentsEnabled(), settings.commentsCloseAt()));
        }
    }

    private record Checked(
            DeskRepository.Words words, DeskRepository.Settings settings, List<Long> tagIds, List<Long> authorIds) {}

    /** Every field at once, so that the editor sees every problem together; nothing is written here but new topics. */
    private Checked check(Staff staff, ArticleEdit edit, DeskRepository.@Nullable WorkingCopy article) {
        Map<String, String> errors = new LinkedHashMap<>();
        String headline = edit.headline().strip();
        if (headline.isEmpty()) {
            errors.put("headline", "Give the article a headline.");
        } else if (headline.length() > HEADLINE_MAX) {
            errors.put("headline", "Keep the headline to " + HEADLINE_MAX + " characters.");
        }
        String standfirst = edit.standfirst().strip();
        if (standfirst.length() > STANDFIRST_MAX) {
            errors.put("standfirst", "Keep the standfirst to " + STANDFIRST_MAX + " characters.");
        }
        if (edit.body().length() > BODY_MAX) {
            errors.put(
                    "body",
                    "Keep the body to " + String.format(Locale.UK, "%,d", BODY_MAX)
                            + " characters; split a longer story in two.");
        }
        String seoTitle = edit.seoTitle().strip();
        if (seoTitle.length() > SEO_TITLE_MAX) {
            errors.put("seoTitle", "Keep the search title to " + SEO_TITLE_MAX + " characters.");
        }
        String seoDescription = edit.seoDescription().strip();
        if (seoDescription.length() > SEO_DESCRIPTION_MAX) {
            errors.put("seoDescription", "Keep the search description to " + SEO_DESCRIPTION_MAX + " characters.");
        }
        Optional<Section> section = edit.sectionId() == null
                ? Optional.empty()
                : content.sections().stream()
                        .filter(s -> s.id() == edit.sectionId())
                        .findFirst();
        if (section.isEmpty()) {
            errors.put("sectionId", "Choose the section the article belongs in.");
        }
        if (edit.mainImageId() != null && images.find(edit.mainImageId()).isEmpty()) {
            errors.put("mainImageId", "There is no image " + edit.mainImageId() + " in the library.");
        }
        String slug = slugFor(edit, headline, article, errors);
        List<Long> authorIds = authorIds(edit.bylines(), errors);
        if (article != null
                && (article.state().isLive() || article.state() == ArticleState.SCHEDULED)
                && !errors.containsKey("bylines")) {
            errors.putAll(missingForReaders(edit.body(), authorIds));
        }
        List<Long> tagIds = tagIds(staff, edit.topics(), errors);
        if (!errors.isEmpty()) {
            throw new RejectedException(
                    "The article was not saved", "Some fields need changing before it can be saved.", errors);
        }
        return new Checked(
                new DeskRepository.Words(headline, standfirst, edit.body(), seoTitle, seoDescription),
                new DeskRepository.Settings(
                        section.orElseThrow().id(),
                        slug,
                        edit.commentsEnabled(),
                        edit.commentsCloseAt(),
                        edit.premium(),
                        edit.mainImageId()),
                tagIds,
                authorIds);
    }

    /** The address is the journalist's to choose until the article is first published; then it is fixed. */
    private String slugFor(
            ArticleEdit edit,
            String headline,
            DeskRepository.@Nullable WorkingCopy article,
            Map<String, String> errors) {
        if (article != null && article.publishedAt() != null) {
            return article.settings().slug();
        }
        long self = article == null ? -1 : article.id();
        String given = edit.slug().strip();
        if (article != null
                && given.equals(article.settings().slug())
                && madeFrom(given, article.words().headline())) {
            // Made from the headline, never typed: it follows the headline until the article is first
            // published, so that a rewritten wire flash does not go out at "flash-…".
            given = "";
        }
        if (given.isEmpty()) {
            String made = Slugs.from(headline);
            if (made.isEmpty()) {
                made = "article";
            }
            String candidate = made;
            for (int n = 2; desk.slugTaken(candidate, self); n++) {
                candidate = made + "-" + n;
            }
            return candidate;
        }
        if (!given.matches(SLUG) || given.length() > Slugs.MAX_LENGTH) {
            errors.put(
                    "slug",
                    "Use lower-case letters and digits joined by single hyphens, up to " + Slugs.MAX_LENGTH
                            + " characters, or leave it empty to make one from the headline.");
        } else if (desk.slugTaken(given, self)) {
            errors.put("slug", "Another article already has the address " + given + ".");
        }
        return given;
    }

    /** Whether the address is the one made from this headline (numbered when another article had it). */
    private static boolean madeFrom(String slug, String headline) {
        String made = Slugs.from(headline.strip());
        String base = made.isEmpty() ? "article" : made;
        return slug.equals(base) || slug.matches(Pattern.quote(base) + "-\\d+");
    }

    private List<Long> authorIds(List<String> bylines, Map<String, String> errors) {
        Map<String, Author> byName = new LinkedHashMap<>();
        catalog.allAuthors().forEach(author -> byName.put(key(author.name()), author));
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : bylines) {
            if (name.isBlank()) {
                continue;
            }
            Author author = byName.get(key(name));
            if (author == null) {
                unknown.add(name.strip());
            } else if (!ids.contains(author.id())) {
                ids.add(author.id());
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("bylines", "No author is called " + String.join(", ", unknown) + ". Choose from the list.");
        }
        return ids;
    }

    private List<Long> tagIds(Staff staff, List<String> topics, Map<String, String> errors) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        catalog.allTags().forEach(tag -> byName.put(key(tag.name()), tag));
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : topics) {
            if (name.isBlank()) {
                continue;
            }
            Tag tag = byName.get(key(name));
            if (tag == null && staff.editor()) {
                tag = newTopic(name.strip());
                byName.put(key(tag.name()), tag);
            }
            if (tag == null) {
                unknown.add(name.strip());
            } else if (!ids.contains(tag.id())) {
                ids.add(tag.id());
            }
        }
        if (!unknown.isEmpty()) {
            errors.put(
                    "topics",
                    staff.editor()
                            ? "There is no topic " + String.join(", ", unknown) + " yet."
                            : "There is no topic " + String.join(", ", unknown)
                                    + ". Choose from the list, or ask an editor to create it.");
        }
        return ids;
    }

    /** An editor named a topic that does not exist: it does now, unless its address is another's. */
    private Tag newTopic(String name) {
        String slug = Slugs.from(name);
        if (slug.isEmpty()) {
            slug = "topic";
        }
        Optional<Tag> sameAddress = catalog.tagBySlug(slug);
        if (sameAddress.isPresent()) {
            return sameAddress.get();
        }
        long id = catalog.insertTag(slug, name, "");
        return new Tag(id, slug, name, "");
    }

    /** A name as bylines and topics are matched: case and spacing aside. */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private DeskRepository.WorkingCopy lockForEditor(Staff staff, long id, String what) {
        DeskRepository.WorkingCopy article = desk.lock(id).orElseThrow(() -> notFound(id));
        requireSight(staff, article);
        if (!staff.editor()) {
            throw new NotAllowedException("Only editors may " + what + ".");
        }
        return article;
    }

    private void requireSight(Staff staff, DeskRepository.WorkingCopy article) {
        if (!staff.editor() && !isOwner(staff, article)) {
            // Not "another journalist's": the demo loader, the wire and editors file articles too.
            throw new NotAllowedException("Only editors, and the journalist who filed it, can open this article.");
        }
    }

    private void requireEdit(Staff staff, DeskRepository.WorkingCopy article) {
        requireSight(staff, article);
        if (!mayEdit(staff, article)) {
            throw new NotAllowedException("It is " + article.state().label().toLowerCase(Locale.ROOT)
                    + ": only an editor can change it now.");
        }
    }

    private void requireState(DeskRepository.WorkingCopy article, String what, ArticleState... allowed) {
        for (ArticleState state : allowed) {
            if (article.state() == state) {
                return;
            }
        }
        // Someone else usually acted first on a page opened before: say who, as a refused save does.
        String cannot =
                "An article that is " + article.state().label().toLowerCase(Locale.ROOT) + " cannot be " + what + ".";
        throw new ConflictException(
                "Not possible now",
                lastStep(article.id()).map(step -> step + ". " + cannot).orElse(cannot));
    }

    /**
     * Who last changed the article's state, and when, as the editor page says it: "Ada Admin published
     * it at 08.38 on 6 December". Empty when nobody has since it was created.
     */
    @Transactional(readOnly = true)
    public Optional<String> lastStep(Staff staff, long id) {
        open(staff, id);
        return lastStep(id);
    }

    private Optional<String> lastStep(long id) {
        for (DeskRepository.AuditEntry entry : desk.auditLog(id, null, 50)) {
            String did = STEPS.get(entry.action());
            if (did != null) {
                String when = TIME.format(ZonedDateTime.ofInstant(entry.at(), site.timeZone()));
                return Optional.of(
                        entry.accountId() == null
                                ? "It was " + PASSIVE.get(entry.action()) + " at " + when
                                : names.of(entry.accountId()) + " " + did + " at " + when);
            }
        }
        return Optional.empty();
    }

    /** The audit's steps that change an article's state, said of the article ("published it"). */
    private static final Map<String, String> STEPS = Map.of(
            Action.SUBMITTED, "submitted it for review",
            Action.SENT_BACK, "sent it back",
            Action.PUBLISHED, "published it",
            Action.UNPUBLISHED, "unpublished it",
            Action.SCHEDULED, "scheduled it",
            Action.UNSCHEDULED, "took it off the schedule");

    /** The same steps done by no account: the scheduled job, or the demo loader. */
    private static final Map<String, String> PASSIVE = Map.of(
            Action.SUBMITTED, "submitted for review",
            Action.SENT_BACK, "sent back",
            Action.PUBLISHED, "published",
            Action.UNPUBLISHED, "unpublished",
            Action.SCHEDULED, "scheduled",
            Action.UNSCHEDULED, "taken off the schedule");

    /**
     * A story goes out with words and a name to them: a headline alone (a wire flash made into a draft,
     * say) would be a page with an empty description, nothing to read and nobody answerable for it.
     */
    private void requireReadyForReaders(DeskRepository.WorkingCopy article) {
        Map<String, String> missing =
                missingForReaders(article.words().bodySource(), articles.authorIdsOf(article.id()));
        if (!missing.isEmpty()) {
            throw new RejectedException(
                    "Not ready for readers",
                    "An article goes out with a body and at least one byline: " + String.join(" ", missing.values()),
                    missing);
        }
    }

    private static Map<String, String> missingForReaders(String body, List<Long> authorIds) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (body.isBlank()) {
            missing.put("body", "Write the story: readers would find only the headline.");
        }
        if (authorIds.isEmpty()) {
            missing.put("bylines", "Name who wrote it: choose at least one byline.");
        }
        return missing;
    }

    private ConflictException changedMeanwhile(Staff staff, DeskRepository.WorkingCopy article) {
        DeskRepository.Revision latest =
                desk.revision(article.id(), article.version()).orElseThrow();
        String who =
                latest.savedBy() != null && latest.savedBy() == staff.accountId() ? "You" : names.of(latest.savedBy());
        String when = TIME.format(ZonedDateTime.ofInstant(latest.savedAt(), site.timeZone()));
        // Said as it happened: the same person in another window is not "someone else".
        ConflictException conflict = new ConflictException(
                "Changed meanwhile",
                who.equals("You")
                        ? "You saved this article at " + when + " in another window, after you opened it here."
                        : who + " saved this article at " + when + ", after you opened it.");
        conflict.with("version", article.version())
                .with("savedBy", who)
                .with("savedAt", latest.savedAt().toString());
        return conflict;
    }

    private static boolean isOwner(Staff staff, DeskRepository.WorkingCopy article) {
        return article.createdBy() != null && article.createdBy() == staff.accountId();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no article " + id + " in the newsroom.");
    }

    /** What the audit log records, in words an editor reads. */
    public static final class Action {
        public static final String CREATED = "created";
        public static final String SAVED = "saved";
        public static final String UPDATED = "updated";
        public static final String SUBMITTED = "submitted for review";
        public static final String SENT_BACK = "sent back";
        public static final String PUBLISHED = "published";
        public static final String UNPUBLISHED = "unpublished";
        public static final String RESTORED = "restored";
        public static final String SCHEDULED = "scheduled";
        public static final String CORRECTED = "added a correction";
        public static final String CLARIFIED = "added a clarification";
        public static final String UNSCHEDULED = "taken off the schedule";

        private Action() {}
    }
}
