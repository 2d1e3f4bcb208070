/**
 * The newsroom: sections, authors, tags, images and articles, and the editorial workflow that
 * publishes them. {@link org.masthead.newsroom.Newsroom} changes content;
 * {@link org.masthead.newsroom.PublishedContent} answers what readers may see.
 */
@NullMarked
package org.masthead.newsroom;

import org.jspecify.annotations.NullMarked;
