package org.masthead.discovery.internal;

import java.time.Clock;
import java.util.List;
import org.masthead.discovery.TopicFollowers;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Tag;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Readers following topics and authors, and "My news": what those have published, newest first. */
@Service
@Transactional
public class TopicFollows {

    /** What a reader may follow. */
    public enum Kind {
        TOPIC,
        AUTHOR;

        String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Something a reader follows, as "My news" lists it. */
    public record Followed(Kind kind, String slug, String name) {}

    /** A page of "My news", and whether there is a next. */
    public record News(List<ArticleCard> articles, int page, boolean hasNext) {}

    private final TopicFollowRepository follows;
    private final PublishedContent content;
    private final Clock clock;

    TopicFollows(TopicFollowRepository follows, PublishedContent content, Clock clock) {
        this.follows = follows;
        this.content = content;
        this.clock = clock;
    }

    public void follow(long readerId, Kind kind, String slug) {
        follows.follow(readerId, kind.stored(), idOf(kind, slug), clock.instant());
    }

    public void unfollow(long readerId, Kind kind, String slug) {
        follows.unfollow(readerId, kind.stored(), idOf(kind, slug));
    }

    @Transactional(readOnly = true)
    public boolean follows(long readerId, Kind kind, String slug) {
        return follows.follows(readerId, kind.stored(), idOf(kind, slug));
    }

    @Transactional(readOnly = true)
    public List<Followed> followedBy(long readerId) {
        List<Long> tags = follows.followed(readerId, Kind.TOPIC.stored());
        List<Long> authors = follows.followed(readerId, Kind.AUTHOR.stored());
        java.util.ArrayList<Followed> followed = new java.util.ArrayList<>();
        content.tags().stream()
                .filter(tag -> tags.contains(tag.id()))
                .forEach(tag -> followed.add(new Followed(Kind.TOPIC, tag.slug(), tag.name())));
        content.authors().stream()
                .filter(author -> authors.contains(author.id()))
                .forEach(author -> followed.add(new Followed(Kind.AUTHOR, author.slug(), author.name())));
        return followed;
    }

    /** The newest articles with a topic or an author this reader follows. */
    @Transactional(readOnly = true)
    public News news(long readerId, int page, int pageSize) {
        List<Long> ids = follows.newsFor(readerId, pageSize + 1, (long) (page - 1) * pageSize);
        List<ArticleCard> cards = content.cards(ids.stream().limit(pageSize).toList());
        return new News(cards, page, ids.size() > pageSize);
    }

    /** The last page of "My news" with an article on it, 1 when nothing published is followed. */
    public int lastNewsPage(long readerId, int pageSize) {
        long count = follows.newsCount(readerId);
        return (int) Math.max(1, (count + pageSize - 1) / pageSize);
    }

    /**
     * Every reader who follows one of the article's authors or topics, once each, for the first of
     * them they follow: authors before topics, each in the article's order.
     */
    @Transactional(readOnly = true)
    public List<TopicFollowers.Follower> followersOf(PublishedArticle article) {
        List<Long> authorIds = article.authors().stream().map(Author::id).toList();
        List<Long> tagIds = article.tags().stream().map(Tag::id).toList();
        java.util.Map<Long, String> authorNames = new java.util.HashMap<>();
        article.authors().forEach(author -> authorNames.put(author.id(), author.name()));
        java.util.Map<Long, String> tagNames = new java.util.HashMap<>();
        article.tags().forEach(tag -> tagNames.put(tag.id(), tag.name()));
        return follows.followersOf(authorIds, tagIds).stream()
                .map(row -> row.kind().equals(Kind.AUTHOR.stored())
                        ? new TopicFollowers.Follower(row.readerId(), true, authorNames.get(row.refId()))
                        : new TopicFollowers.Follower(row.readerId(), false, tagNames.get(row.refId())))
                .toList();
    }

    private long idOf(Kind kind, String slug) {
        return switch (kind) {
            case TOPIC ->
                content.tag(slug).map(Tag::id).orElseThrow(() -> new NotFoundException("There is no such topic."));
            case AUTHOR ->
                content.author(slug)
                        .map(Author::id)
                        .orElseThrow(() -> new NotFoundException("There is no such author."));
        };
    }
}
