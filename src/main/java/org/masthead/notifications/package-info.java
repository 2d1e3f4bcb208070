/**
 * Telling readers what happened around them: in-app notifications (replies, mentions, comments by
 * readers they follow, recommendations of their comments, articles on topics and by authors they
 * follow, comments in conversations they follow, which it keeps), e-mail about replies and mentions, at once or in a daily digest, and about news from what
 * they follow, gathered into one mail per batch window or into the digest, and live updates pushed to open pages over server-sent events ({@code /live}):
 * new comments under an article, edits and deletions of comments there, and a reader's unread count.
 *
 * <p>It hears of the discussion through its events ({@link org.masthead.discussion.CommentPosted},
 * {@link org.masthead.discussion.CommentChanged}, {@link org.masthead.discussion.CommentRecommended},
 * {@link org.masthead.discussion.CommentPicked}), of new articles through the newsroom's {@link
 * org.masthead.newsroom.ArticlePublished} and discovery's {@link org.masthead.discovery.TopicFollowers},
 * and keeps its own tables; other modules need
 * nothing from it but its configuration ({@link org.masthead.notifications.NotificationsProperties}).
 */
@NullMarked
package org.masthead.notifications;

import org.jspecify.annotations.NullMarked;
