/** The newsroom's staff pages at {@code /newsroom}: the desk, the article editor, revisions and the log. */
@NullMarked
package org.masthead.newsroom.web;

import org.jspecify.annotations.NullMarked;
