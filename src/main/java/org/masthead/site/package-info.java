/**
 * The public site: home, sections, topics, authors and articles, with their feeds and sitemaps.
 * Every page here is public and the same for every reader, so it is cached in the app and by any CDN.
 */
@NullMarked
package org.masthead.site;

import org.jspecify.annotations.NullMarked;
