package org.masthead.notifications.internal;

import java.time.Instant;
import org.masthead.discussion.CommentChanged;
import org.masthead.discussion.CommentPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pushes each new comment to the pages open on its article, on every node, so that they can offer to
 * show it, and each edit or deletion, so that they can show it afresh. Each is pushed once, however
 * often its event is handled. A new comment is pushed last in the handling of {@link CommentPosted}
 * (see {@link CommentNotifications}) rather than by a listener of its own, because each listener costs
 * the event publication registry three writes for every comment posted; edits and deletions are rare
 * enough to have one.
 */
@Component
class LiveComments {

    static final String EVENT = "comment";
    static final String CHANGED = "comment-changed";

    private final LiveEvents live;

    LiveComments(LiveEvents live) {
        this.live = live;
    }

    void push(CommentPosted comment) {
        String data = "{\"commentId\":" + comment.commentId() + ",\"articleId\":" + comment.articleId()
                + ",\"parentId\":" + comment.parentId() + "}";
        live.publish(LiveEvent.article(comment.articleId()), EVENT, data, "comment-" + comment.commentId());
    }

    /** An edit or a deletion: pages showing the comment fetch it again. */
    @ApplicationModuleListener
    void on(CommentChanged changed) {
        String data = "{\"commentId\":" + changed.commentId() + ",\"articleId\":" + changed.articleId() + "}";
        Instant at = changed.changedAt();
        live.publish(
                LiveEvent.article(changed.articleId()),
                CHANGED,
                data,
                "changed-" + changed.commentId() + "-" + at.getEpochSecond() + "." + at.getNano());
    }
}
