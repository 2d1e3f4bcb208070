/**
 * The newsroom: sections, authors, tags, images and articles, and the editorial workflow that
 * publishes them, and the agency copy it takes in. {@link org.masthead.newsroom.Newsroom} changes content;
 * {@link org.masthead.newsroom.PublishedContent} answers what readers may see; {@link
 * org.masthead.newsroom.WireInbox} takes wire files from elsewhere, such as the demo's.
 */
@NullMarked
package org.masthead.newsroom;

import org.jspecify.annotations.NullMarked;
