package org.masthead.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.masthead.discovery.TopicFollowers;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.masthead.site.Links;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the readers who follow an article's authors or topics that it was published, each once, in
 * app and by e-mail as they chose (gathered: see {@link MailBatches}).
 *
 * <p>The newsroom's {@link ArticlePublished} says only that an article's pages changed: it comes for a
 * first publication, and again for every update, correction, republication and unpublication. So the
 * article is read as it is now, and its followers are told once, the first time it is seen published
 * ({@link NotificationRepository#announce}, in the same transaction as the notifications): an update
 * that adds a topic, the same event handled twice or on two nodes at once, tells nobody again. An
 * article first published more than {@link #NEWS_FOR} ago is not news, and tells nobody either: this
 * is what keeps an update of an article published before this feature from being announced.
 */
@Component
class FollowedArticles {

    static final Duration NEWS_FOR = Duration.ofDays(1);

    private static final int EXCERPT_LENGTH = 280;

    private final PublishedContent content;
    private final TopicFollowers followers;
    private final Links links;
    private final NotificationRepository notifications;
    private final MailBatches batches;
    private final UnreadCounts unread;
    private final Clock clock;

    FollowedArticles(
            PublishedContent content,
            TopicFollowers followers,
            Links links,
            NotificationRepository notifications,
            MailBatches batches,
            UnreadCounts unread,
            Clock clock) {
        this.content = content;
        this.followers = followers;
        this.links = links;
        this.notifications = notifications;
        this.batches = batches;
        this.unread = unread;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) {
        Instant now = clock.instant();
        Optional<PublishedArticle> found = content.article(published.articleId());
        if (found.isEmpty()
                || found.get().publishedAt().isBefore(now.minus(NEWS_FOR))
                || !notifications.announce(published.articleId(), now)) {
            return;
        }
        PublishedArticle article = found.get();
        About about = new About(0, article.id(), article.headline(), excerpt(article.standfirst()));
        String link = links.article(article);
        List<Long> told = new ArrayList<>();
        for (TopicFollowers.Follower follower : followers.of(article)) {
            long reader = follower.readerId();
            MailState mail = batches.waitFor(reader, now);
            Notification.Followed followed = new Notification.Followed(follower.author(), follower.followedName());
            if (notifications.insertPublished(reader, about, followed, link, mail, now)) {
                told.add(reader);
            }
        }
        unread.changed(told);
    }

    private static String excerpt(String standfirst) {
        return standfirst.length() <= EXCERPT_LENGTH ? standfirst : standfirst.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
