package org.masthead.newsroom.internal.wire;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.internal.ArticleEdit;
import org.masthead.newsroom.internal.AuthorDesk;
import org.masthead.newsroom.internal.CatalogRepository;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.Slugs;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wire as the newsroom keeps it: stories taken in (a newer version of a story updates it and is kept
 * with the older ones; the same words again are ignored), the queue staff read, and the one step that
 * turns a story into a draft on the desk.
 */
@Service
public class WireDesk {

    /** An agency's alert before a headline: "FLASH:", "URGENT –". */
    private static final Pattern ALERT = Pattern.compile(
            "^\\s*(?:FLASH|URGENT|BULLETIN|ALERT|NEWSALERT|NEWS ALERT|BREAKING|BREAKING NEWS)\\s*[:–—-]+\\s*",
            Pattern.CASE_INSENSITIVE);

    /** What became of one story delivered. */
    public enum Outcome {
        /** A story not seen before. */
        CREATED,
        /** A newer version of a story: the queue shows it now, and the older ones are kept. */
        UPDATED,
        /** An older version than the one shown, arriving late: kept in the story's history only. */
        KEPT_AS_HISTORY,
        /** The same words as a version already received: nothing changed. */
        DUPLICATE
    }

    /** A story delivered, and what became of it. */
    public record Taken(long itemId, String guid, int version, Outcome outcome) {}

    /** A draft made from a story: its article, and whether it was made just now or before. */
    public record Drafted(long articleId, boolean alreadyMade) {}

    static final int HEADLINE_CUT = 250;
    static final int STANDFIRST_CUT = 600;

    private final WireRepository wires;
    private final Desk desk;
    private final CatalogRepository catalog;
    private final PublishedContent content;
    private final Clock clock;

    WireDesk(WireRepository wires, Desk desk, CatalogRepository catalog, PublishedContent content, Clock clock) {
        this.wires = wires;
        this.desk = desk;
        this.catalog = catalog;
        this.content = content;
        this.clock = clock;
    }

    /**
     * Takes in what one delivery carried, in one transaction: every story of it, or (on any failure)
     * none.
     *
     * @param source the file it came in, or "API"
     */
    @Transactional
    public List<Taken> take(List<WireStory> stories, WireFormat format, String source) {
        Instant now = clock.instant();
        List<Taken> taken = new ArrayList<>(stories.size());
        for (WireStory story : stories) {
            taken.add(take(story, format, source, now));
        }
        return taken;
    }

    private Taken take(WireStory story, WireFormat format, String source, Instant now) {
        int given = story.version() == null ? 1 : story.version();
        Optional<Long> created = wires.insertItem(story, given, format, now);
        if (created.isPresent()) {
            wires.insertVersion(created.get(), given, story, format, source, now);
            return new Taken(created.get(), story.guid(), given, Outcome.CREATED);
        }
        WireRepository.Current current = wires.lock(story.guid()).orElseThrow();
        // Plain text carries no version: each new text of a story is the next one.
        int version = story.version() == null ? wires.latestVersion(current.id()) + 1 : story.version();
        if (!wires.insertVersion(current.id(), version, story, format, source, now)) {
            return new Taken(current.id(), story.guid(), version, Outcome.DUPLICATE);
        }
        boolean newest = version >= current.version();
        wires.received(current.id(), version, story, format, now, newest);
        return new Taken(current.id(), story.guid(), version, newest ? Outcome.UPDATED : Outcome.KEPT_AS_HISTORY);
    }

    @Transactional(readOnly = true)
    public List<WireRepository.Listed> queue(String query, @Nullable Long beforeId, int limit) {
        return wires.list(query.strip(), beforeId, limit);
    }

    @Transactional(readOnly = true)
    public WireRepository.Item item(long id) {
        return wires.find(id, false).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<WireRepository.Version> versions(long id) {
        return wires.versions(id);
    }

    @Transactional(readOnly = true)
    public List<WireRepository.Quarantined> quarantine(int limit) {
        return wires.quarantine(limit);
    }

    /** The story an article was drafted from, for the editor to link back to. */
    @Transactional(readOnly = true)
    public Optional<WireRepository.Listed> madeInto(long articleId) {
        return wires.madeInto(articleId);
    }

    /**
     * Files the story's latest version as a draft by this member of staff, through the desk like any
     * other draft, bylined to the agency's reporters named on the story and then to the agency. A story
     * already drafted answers that draft, so that a
     * second click (or a colleague's) does not make two.
     *
     * @param sectionId where the draft is filed; none is refused, so that nobody files in World unasked
     */
    @Transactional
    public Drafted draft(Staff staff, long id, @Nullable Long sectionId) {
        WireRepository.Item item = wires.find(id, true).orElseThrow(() -> notFound(id));
        if (item.articleId() != null && wires.articleExists(item.articleId())) {
            return new Drafted(item.articleId(), true);
        }
        // No section by default: a story filed in the first one on the list went out under World unasked.
        if (sectionId == null) {
            throw new RejectedException(
                    "No section",
                    "sectionId",
                    content.sections().isEmpty()
                            ? "There is no section to file the draft in yet."
                            : "Choose the section the draft is filed in.");
        }
        Long section = sectionId;
        List<String> bylines = new ArrayList<>();
        for (String reporter : reporters(item.byline(), item.agency())) {
            bylines.add(author(reporter, "Reporter, " + item.agency()).name());
        }
        bylines.add(author(item.agency(), "News agency").name());
        long articleId = desk.create(
                staff,
                new ArticleEdit(
                        cut(withoutAlert(item.headline()), HEADLINE_CUT),
                        cut(item.standfirst(), STANDFIRST_CUT),
                        WireMarkdown.of(item.body()),
                        section,
                        "",
                        List.of(),
                        bylines,
                        "",
                        "",
                        true,
                        null,
                        false));
        wires.drafted(id, articleId, item.version());
        return new Drafted(articleId, false);
    }

    /**
     * The people a wire byline names ("By Hana Ostrowski and Piotr Nowak in Gdańsk"), without the agency
     * itself, which the draft names after them.
     */
    static List<String> reporters(String byline, String agency) {
        String names = byline.strip().replaceFirst("(?i)^by(?:\\s+|$)", "").replaceFirst("\\s+in\\s+\\p{Lu}.*$", "");
        List<String> reporters = new ArrayList<>();
        for (String name : names.split("\\s*(?:,|;|\\band\\b|&)\\s*")) {
            String reporter = name.strip().replaceAll("\\s+", " ");
            if (!reporter.isEmpty()
                    && reporter.length() <= AuthorDesk.NAME_MAX
                    && !reporter.equalsIgnoreCase(agency.strip())
                    && !reporters.contains(reporter)) {
                reporters.add(reporter);
            }
        }
        return reporters;
    }

    /** The author of this name, so that the draft carries the byline; made the first time it is needed. */
    private Author author(String name, String jobTitle) {
        String key = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (Author author : catalog.allAuthors()) {
            if (author.name()
                    .strip()
                    .replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT)
                    .equals(key)) {
                return author;
            }
        }
        String base = Slugs.from(name);
        if (base.isEmpty()) {
            base = "author";
        }
        String slug = base;
        for (int n = 2; catalog.authorBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        long authorId = catalog.insertAuthor(slug, name.strip(), jobTitle, "", null);
        return catalog.authorById(authorId).orElseThrow();
    }

    /**
     * The headline without the agency's alert ("FLASH: Dam closed" is "Dam closed"): it tells the desk how
     * urgent the copy is, not readers anything, and the article's address is made from the headline.
     */
    static String withoutAlert(String headline) {
        String without = ALERT.matcher(headline).replaceFirst("");
        return without.isBlank() ? headline : without;
    }

    /** At a word boundary, so that a long agency headline still fits the desk's limit. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no wire story " + id + ".");
    }
}
