package org.masthead.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.Author;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PersonNames;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors keeping the authors that bylines name: adding one, so that a new journalist can be bylined
 * without a developer, and changing what a profile says. Every rule is checked here, whatever route
 * asked. An author's address is made once from their name and never changes, so links keep working.
 */
@Service
public class AuthorDesk {

    public static final int NAME_MAX = 100;
    public static final int JOB_TITLE_MAX = 100;
    public static final int BIO_MAX = 1_000;

    /** What an author's profile says, as an editor gives it; the bio is plain text. */
    public record Profile(String name, String jobTitle, String bio, @Nullable Long photoId) {}

    /** An author as the list shows them: whether readers can find their page yet. */
    public record Listed(Author author, boolean published) {}

    private final CatalogRepository catalog;
    private final ArticleRepository articles;
    private final ImageRepository images;
    private final ApplicationEventPublisher events;

    AuthorDesk(
            CatalogRepository catalog,
            ArticleRepository articles,
            ImageRepository images,
            ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.articles = articles;
        this.images = images;
        this.events = events;
    }

    /** Every author by name; their public page exists once they have published work. */
    @Transactional(readOnly = true)
    public List<Listed> authors(Staff staff) {
        requireEditor(staff);
        Set<Long> published =
                catalog.publishedAuthors().stream().map(Author::id).collect(Collectors.toSet());
        return catalog.allAuthors().stream()
                .map(author -> new Listed(author, published.contains(author.id())))
                .toList();
    }

    public Author author(Staff staff, long id) {
        requireEditor(staff);
        return catalog.authorById(id).orElseThrow(() -> new NotFoundException("There is no such author."));
    }

    /**
     * @throws RejectedException naming each field at fault ({@code name}, {@code jobTitle}, {@code bio},
     *     {@code photoId})
     */
    @Transactional
    public Author add(Staff staff, Profile profile) {
        requireEditor(staff);
        Profile checked = checked(profile, -1);
        String made = Slugs.from(checked.name());
        String base = made.isEmpty() ? "author" : made;
        // As for an article's address made from its headline: a name another has already is numbered.
        String slug = base;
        for (int n = 2; catalog.authorIdBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        try {
            long id = catalog.insertAuthor(slug, checked.name(), checked.jobTitle(), checked.bio(), checked.photoId());
            return catalog.authorById(id).orElseThrow();
        } catch (DuplicateKeyException addedMeanwhile) {
            throw new RejectedException(
                    "The author was not added",
                    "name",
                    "Someone added an author with this address just now. Try again.");
        }
    }

    /**
     * Changes the profile. The pages that show it (the author's own page and feed, and each published
     * article with their byline) are announced as changed, as for an article's update, so caches and the
     * search index take the new name.
     *
     * @throws RejectedException naming each field at fault, as {@link #add} does
     */
    @Transactional
    public Author change(Staff staff, long id, Profile profile) {
        Author before = author(staff, id);
        Profile checked = checked(profile, before.id());
        catalog.updateAuthor(id, checked.name(), checked.jobTitle(), checked.bio(), checked.photoId());
        for (long articleId : articles.publishedIdsBy(id)) {
            events.publishEvent(new ArticlePublished(
                    articleId,
                    articles.sectionIdOf(articleId),
                    articles.tagIdsOf(articleId),
                    articles.authorIdsOf(articleId)));
        }
        return catalog.authorById(id).orElseThrow();
    }

    /** The profile as it will be kept, or every problem with it. */
    private Profile checked(Profile profile, long self) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = PersonNames.normalise(profile.name());
        String jobTitle = profile.jobTitle().strip();
        String bio = profile.bio().strip();
        if (name.isEmpty()) {
            errors.put("name", "Give the author's name, as bylines should show it.");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Keep the name to " + NAME_MAX + " characters.");
        } else if (PersonNames.mixesLookalikeAlphabets(name)) {
            errors.put("name", PersonNames.MIXED);
        } else if (nameTaken(name, self)) {
            // Bylines are chosen by name, so two authors of one name could not be told apart.
            errors.put(
                    "name",
                    "Another author is already called " + name + ". Bylines are chosen by name: tell them"
                            + " apart, with a middle initial for instance.");
        }
        if (jobTitle.length() > JOB_TITLE_MAX) {
            errors.put("jobTitle", "Keep the job title to " + JOB_TITLE_MAX + " characters.");
        }
        if (bio.length() > BIO_MAX) {
            errors.put("bio", "Keep the bio to " + BIO_MAX + " characters.");
        }
        if (profile.photoId() != null && images.find(profile.photoId()).isEmpty()) {
            errors.put("photoId", "There is no image " + profile.photoId() + " in the library.");
        }
        if (!errors.isEmpty()) {
            throw new RejectedException("The author was not saved", "Some fields need changing first.", errors);
        }
        return new Profile(name, jobTitle, bio, profile.photoId());
    }

    private boolean nameTaken(String name, long self) {
        String key = Desk.key(name);
        return catalog.allAuthors().stream()
                .anyMatch(
                        author -> author.id() != self && Desk.key(author.name()).equals(key));
    }

    private static void requireEditor(Staff staff) {
        if (!staff.editor()) {
            throw new NotAllowedException("Only editors may add authors and change their profiles.");
        }
    }
}
