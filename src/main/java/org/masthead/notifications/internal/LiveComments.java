package org.masthead.notifications.internal;

import org.masthead.discussion.CommentPosted;
import org.springframework.stereotype.Component;

/**
 * Pushes each new comment to the pages open on its article, on every node, so that they can offer to
 * show it. A comment is pushed once, however often its event is handled. Called last in the handling
 * of {@link CommentPosted} (see {@link CommentNotifications}): one listener per event, because each
 * costs the event publication registry three writes of its own for every comment posted.
 */
@Component
class LiveComments {

    static final String EVENT = "comment";

    private final LiveEvents live;

    LiveComments(LiveEvents live) {
        this.live = live;
    }

    void push(CommentPosted comment) {
        String data = "{\"commentId\":" + comment.commentId() + ",\"articleId\":" + comment.articleId()
                + ",\"parentId\":" + comment.parentId() + "}";
        live.publish(LiveEvent.article(comment.articleId()), EVENT, data, "comment-" + comment.commentId());
    }
}
