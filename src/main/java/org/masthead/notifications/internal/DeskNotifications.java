package org.masthead.notifications.internal;

import java.util.Set;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.StoryDecided;
import org.masthead.notifications.internal.NotificationRepository.About;
import org.masthead.site.Links;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A journalist hears when an editor sends their draft back, with the editor's note, or publishes their
 * story: in the list of notifications and the count beside it on every page, the newsroom's included.
 * Keyed to the desk's record of the decision, so that handling the event again tells nobody twice.
 */
@Component
class DeskNotifications {

    private static final int NOTE_SHOWN = 280;

    private final NotificationRepository notifications;
    private final UnreadCounts unread;
    private final PublishedContent content;
    private final Links links;

    DeskNotifications(
            NotificationRepository notifications, UnreadCounts unread, PublishedContent content, Links links) {
        this.notifications = notifications;
        this.unread = unread;
        this.content = content;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(StoryDecided decided) {
        long journalist = decided.journalistId();
        NotificationKind kind = decided.outcome() == StoryDecided.Outcome.SENT_BACK
                ? NotificationKind.STORY_SENT_BACK
                : NotificationKind.STORY_PUBLISHED;
        if (!notifications.recordSource(journalist, kind, decided.decisionId(), decided.editorId())) {
            return;
        }
        String inTheNewsroom = "/newsroom/articles/" + decided.articleId();
        String link = kind == NotificationKind.STORY_PUBLISHED
                ? content.article(decided.articleId()).map(links::article).orElse(inTheNewsroom)
                : inTheNewsroom;
        String note = decided.note().length() <= NOTE_SHOWN
                ? decided.note()
                : decided.note().substring(0, NOTE_SHOWN - 1) + "…";
        About about = new About(0, decided.articleId(), decided.headline(), note);
        notifications.insert(journalist, kind, about, decided.editorId(), MailState.NONE, link, decided.at());
        unread.changed(Set.of(journalist));
    }
}
