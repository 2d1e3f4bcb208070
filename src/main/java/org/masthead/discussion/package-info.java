/**
 * The conversation under each article: comments and replies, recommendations, reports and readers
 * following each other. Other modules hear about it through its events ({@link
 * org.masthead.discussion.CommentPosted}, {@link org.masthead.discussion.CommentChanged}, {@link
 * org.masthead.discussion.CommentRecommended}, {@link org.masthead.discussion.CommentPicked}) and ask
 * {@link org.masthead.discussion.Discussion} the rest.
 */
@NullMarked
package org.masthead.discussion;

import org.jspecify.annotations.NullMarked;
