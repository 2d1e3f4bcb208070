package org.masthead.discussion;

import java.time.Instant;

/**
 * A moderator or an editor picked a published comment: it is marked "Staff pick" and listed under the
 * conversation's Picks tab. Published in the transaction of the pick, through the event publication
 * registry; a comment picked again after being un-picked is published again.
 *
 * @param authorId who wrote the comment (not who picked it)
 */
public record CommentPicked(long commentId, long articleId, long authorId, Instant pickedAt) {}
