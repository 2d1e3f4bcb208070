package org.masthead.newsroom;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.masthead.newsroom.internal.ArticleRepository;
import org.masthead.newsroom.internal.ArticleRepository.Filter;
import org.masthead.newsroom.internal.CatalogRepository;
import org.masthead.newsroom.internal.CorrectionRepository;
import org.masthead.newsroom.internal.Renditions;
import org.masthead.newsroom.internal.SectionCache;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers may see: published articles and the sections, tags and authors around them.
 *
 * <p>It reads in whatever transaction its caller has, and opens none of its own: at read committed
 * each statement sees the latest commits whether or not a transaction wraps them, so one would only
 * cost every page a BEGIN and a COMMIT for each call (four on an article page), and a connection for
 * the sections, which are answered from memory. Nor does it declare one that only joins its caller's
 * ({@code SUPPORTS}): that changes nothing, but its interceptor took about 5% of a rendered article
 * page's CPU.
 */
@Service
public class PublishedContent {

    private final ArticleRepository articles;
    private final CatalogRepository catalog;
    private final SectionCache sections;
    private final CorrectionRepository corrections;
    private final Renditions renditions;

    PublishedContent(
            ArticleRepository articles,
            CatalogRepository catalog,
            SectionCache sections,
            CorrectionRepository corrections,
            Renditions renditions) {
        this.renditions = renditions;
        this.articles = articles;
        this.corrections = corrections;
        this.catalog = catalog;
        this.sections = sections;
    }

    /** Every section, top-level ones first in their order, each followed by its sub-sections. */
    public List<Section> sections() {
        return List.copyOf(sectionsById().values());
    }

    public List<Section> topLevelSections() {
        return sectionsById().values().stream().filter(Section::isTopLevel).toList();
    }

    public List<Section> subSectionsOf(Section parent) {
        return sectionsById().values().stream()
                .filter(s -> Long.valueOf(parent.id()).equals(s.parentId()))
                .toList();
    }

    /** The chain from the top-level section down to this one. */
    public List<Section> lineageOf(Section section) {
        List<Section> lineage = new ArrayList<>();
        Section current = section;
        while (current != null) {
            lineage.addFirst(current);
            current = current.parentId() == null ? null : sectionsById().get(current.parentId());
        }
        return lineage;
    }

    public Optional<Section> section(String path) {
        return sectionsById().values().stream()
                .filter(s -> s.path().equals(path))
                .findFirst();
    }

    public Optional<PublishedArticle> article(String slug) {
        return articles.publishedBySlug(slug).map(this::toArticle);
    }

    public Optional<PublishedArticle> article(long id) {
        return articles.publishedById(id).map(this::toArticle);
    }

    /** How a published article takes comments, read cheaply: for each comment posted, not each page. */
    public Optional<CommentSettings> commentSettings(long articleId) {
        return articles.commentSettings(articleId);
    }

    PublishedArticle toArticle(ArticleRepository.ArticleRow row) {
        return new PublishedArticle(
                row.id(),
                row.slug(),
                row.headline(),
                row.standfirst(),
                row.bodyHtml(),
                sectionsById().get(row.sectionId()),
                row.authors(),
                row.tags(),
                row.mainImage(),
                row.publishedAt(),
                row.updatedAt(),
                row.modifiedAt(),
                row.commentsEnabled(),
                row.commentsCloseAt(),
                row.seoTitle(),
                row.seoDescription());
    }

    /** The corrections and clarifications to an article, oldest first. */
    public List<Correction> correctionsOf(long articleId) {
        return corrections.of(articleId);
    }

    /**
     * The newest corrections and clarifications, newest first: those to articles withdrawn since stay on
     * the public record, with the article as it stands now.
     */
    public List<CorrectedArticle> latestCorrections(int count) {
        List<CorrectedArticle> latest = new ArrayList<>();
        for (Correction correction : corrections.latest(count)) {
            Optional<PublishedArticle> published = article(correction.articleId());
            if (published.isPresent()) {
                latest.add(new CorrectedArticle(correction, published.get().toCard(), false));
            } else {
                articles.withdrawnById(correction.articleId())
                        .map(this::toArticle)
                        .ifPresent(withdrawn -> latest.add(new CorrectedArticle(correction, withdrawn.toCard(), true)));
            }
        }
        return latest;
    }

    /** The unpublished article that had this address, so that it can answer 410 Gone or send readers on. */
    public Optional<Withdrawn> withdrawn(String slug) {
        return articles.withdrawnBySlug(slug)
                .map(row -> new Withdrawn(
                        row.id(),
                        row.replacedBy() == null
                                ? null
                                : article(row.replacedBy()).orElse(null)));
    }

    /** Where an article that once had this slug lives now, so old links keep working. */
    public Optional<String> currentSlugOf(String formerSlug) {
        return articles.currentSlugForFormer(formerSlug);
    }

    public List<ArticleCard> latest(int count) {
        return articles.cards(Filter.ALL, count, 0, this::sectionById);
    }

    public List<ArticleCard> latestIn(Section section, int count) {
        return articles.cards(Filter.inSections(withDescendants(section)), count, 0, this::sectionById);
    }

    /** For each section, its latest articles and those of its sub-sections, asked of the database at once. */
    public List<List<ArticleCard>> latestIn(List<Section> sections, int count) {
        List<Filter> filters = sections.stream()
                .map(section -> Filter.inSections(withDescendants(section)))
                .toList();
        return articles.cards(filters, count, 0, this::sectionById);
    }

    /** Articles in the section and its sub-sections. */
    public ArticlePage sectionPage(Section section, int page, int pageSize) {
        return page(Filter.inSections(withDescendants(section)), page, pageSize);
    }

    public ArticlePage tagPage(Tag tag, int page, int pageSize) {
        return page(Filter.withTag(tag.id()), page, pageSize);
    }

    public ArticlePage authorPage(Author author, int page, int pageSize) {
        return page(Filter.byAuthor(author.id()), page, pageSize);
    }

    public List<ArticleCard> publishedBetween(Instant from, Instant until, int limit) {
        return articles.cards(Filter.publishedBetween(from, until), limit, 0, this::sectionById);
    }

    /**
     * The cards of those of these articles that are published, in the order given: what a list
     * chosen elsewhere (search results, most read) shows. An article unpublished since it was chosen
     * is simply left out.
     */
    public List<ArticleCard> cards(List<Long> ids) {
        return cardLists(List.of(ids)).getFirst();
    }

    /**
     * As {@link #cards(List)} for several lists at once, in one round of questions however many there are: a
     * page's blocks (related, most read, most commented) together.
     */
    public List<List<ArticleCard>> cardLists(List<List<Long>> idLists) {
        List<Filter> filters = new ArrayList<>();
        int longest = 0;
        for (List<Long> ids : idLists) {
            if (!ids.isEmpty()) {
                filters.add(Filter.withIds(ids));
                longest = Math.max(longest, ids.size());
            }
        }
        java.util.Iterator<List<ArticleCard>> found = filters.isEmpty()
                ? java.util.Collections.emptyIterator()
                : articles.cards(filters, longest, 0, this::sectionById).iterator();
        List<List<ArticleCard>> lists = new ArrayList<>(idLists.size());
        for (List<Long> ids : idLists) {
            if (ids.isEmpty()) {
                lists.add(List.of());
                continue;
            }
            Map<Long, ArticleCard> byId = new LinkedHashMap<>();
            found.next().forEach(card -> byId.put(card.id(), card));
            lists.add(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
        }
        return lists;
    }

    /** Every published article's id, lowest first: for an index kept elsewhere to check itself against. */
    public List<Long> publishedIds() {
        return articles.publishedIds();
    }

    /** The months, in UTC, in which articles were first published, newest first. */
    public List<YearMonth> publicationMonths() {
        return articles.publicationMonths();
    }

    /** Other articles a reader of this one may want next: on its first tag, else in its section. */
    public List<ArticleCard> relatedTo(PublishedArticle article, int count) {
        List<Filter> filters = new ArrayList<>();
        if (!article.tags().isEmpty()) {
            filters.add(Filter.withTag(article.tags().getFirst().id()));
        }
        filters.add(Filter.inSections(List.of(article.section().id())));
        Map<Long, ArticleCard> related = new LinkedHashMap<>();
        for (List<ArticleCard> cards : articles.cards(filters, count + 1, 0, this::sectionById)) {
            cards.forEach(card -> related.putIfAbsent(card.id(), card));
        }
        related.remove(article.id());
        return related.values().stream().limit(count).toList();
    }

    public Optional<Tag> tag(String slug) {
        return catalog.tagBySlug(slug);
    }

    public List<Tag> tags() {
        return catalog.allTags();
    }

    /**
     * Any author, whether or not they have published anything yet: whom a byline may name, and what a
     * reader's follow points at. Readers find authors through {@link #publishedAuthor} and
     * {@link #publishedAuthors}.
     */
    public Optional<Author> author(String slug) {
        return catalog.authorBySlug(slug);
    }

    /** Every author, whether or not they have published anything yet. */
    public List<Author> authors() {
        return catalog.allAuthors();
    }

    /**
     * The author, if readers may find them: with at least one published article. A staff writer not yet
     * published, or an agency whose copy is only a draft, has no page and is offered in no list.
     */
    public Optional<Author> publishedAuthor(String slug) {
        return catalog.publishedAuthorBySlug(slug);
    }

    /** The authors readers may find, by name: those with at least one published article. */
    public List<Author> publishedAuthors() {
        return catalog.publishedAuthors();
    }

    /**
     * One rendition of an image, made the first time it is asked for; empty when there is no such image or
     * it is not served at that width. Outside any transaction: making a rendition holds no connection.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ImageRendition> image(long imageId, ImageCrop crop, int width, ImageFormat format) {
        return renditions.of(imageId, crop, width, format);
    }

    /** The section and everything below it; sections are few, so this is worked out in memory. */
    private List<Long> withDescendants(Section root) {
        List<Long> ids = new ArrayList<>();
        ids.add(root.id());
        for (Section section : sectionsById().values()) {
            if (!section.isTopLevel() && section.path().startsWith(root.path() + "/")) {
                ids.add(section.id());
            }
        }
        return ids;
    }

    private ArticlePage page(Filter filter, int page, int pageSize) {
        long total = articles.count(filter);
        int totalPages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        List<ArticleCard> cards = articles.cards(filter, pageSize, (long) (page - 1) * pageSize, this::sectionById);
        return new ArticlePage(cards, page, totalPages);
    }

    private Section sectionById(long id) {
        return sectionsById().get(id);
    }

    private Map<Long, Section> sectionsById() {
        return sections.byId();
    }
}
