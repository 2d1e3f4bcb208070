/**
 * Discovery: how readers find journalism beyond the fronts. Search (PostgreSQL full-text search over
 * an index of its own, with suggestions while typing and a close spelling when nothing is found); what
 * others are reading (readings, and comments heard of through the discussion's {@link
 * org.masthead.discussion.CommentPosted}, counted in memory and flushed) and related stories, which it gives the site's pages as
 * {@link org.masthead.site.ReadingTrends}.
 *
 * <p>It hears of the newsroom through {@link org.masthead.newsroom.ArticlePublished} and reads what it
 * indexes through {@link org.masthead.newsroom.PublishedContent}; it never reads the newsroom's tables,
 * and no other module reads its own. Other modules need nothing from it but its configuration ({@link
 * org.masthead.discovery.DiscoveryProperties}) and who follows what an article is about ({@link
 * org.masthead.discovery.TopicFollowers}, which the notifications use to tell them it was published).
 */
@NullMarked
package org.masthead.discovery;

import org.jspecify.annotations.NullMarked;
