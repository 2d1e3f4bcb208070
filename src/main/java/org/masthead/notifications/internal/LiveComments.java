package org.masthead.notifications.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.CommentChanged;
import org.masthead.discussion.CommentPosted;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes each new comment to the pages open on its article, on every node, so that they can offer to
 * show it, and each edit or deletion, so that they can show it afresh. Each is pushed once, however
 * often its event is handled.
 *
 * <p>A new comment is kept as a live event by the transaction that publishes it, and sent when that
 * commits: open pages hear of it as soon as it exists, not after the event publication registry has
 * handed it to a listener and that listener's transactions have run (under a burst of posts, a queue of
 * them), and a listener of the registry would cost it three writes more for every comment. Edits and
 * deletions are rare enough to go through the registry.
 */
@Component
class LiveComments {

    static final String EVENT = "comment";
    static final String CHANGED = "comment-changed";

    /** A new comment, as the pages open on its article are told of it. */
    record Posted(long commentId, long articleId, @Nullable Long parentId) {}

    /** An edited or deleted comment. */
    record Changed(long commentId, long articleId) {}

    private final LiveEvents live;
    private final JsonMapper json;

    LiveComments(LiveEvents live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    /** Written once for every page listening, however many: each connection is sent the same text. */
    @EventListener
    void on(CommentPosted comment) {
        String data = json.writeValueAsString(new Posted(comment.commentId(), comment.articleId(), comment.parentId()));
        live.publish(LiveEvent.article(comment.articleId()), EVENT, data, "comment-" + comment.commentId());
    }

    /** An edit or a deletion: pages showing the comment fetch it again. */
    @ApplicationModuleListener
    void on(CommentChanged changed) {
        String data = json.writeValueAsString(new Changed(changed.commentId(), changed.articleId()));
        Instant at = changed.changedAt();
        live.publish(
                LiveEvent.article(changed.articleId()),
                CHANGED,
                data,
                "changed-" + changed.commentId() + "-" + at.getEpochSecond() + "." + at.getNano());
    }
}
