/**
 * Moderation: the rules every new or changed comment passes before anyone sees it (a pipeline of
 * small ordered steps, each able to let it through, hold it for a moderator or refuse it), the word
 * lists they match, and sanctions on readers. The discussion asks it through its
 * {@link org.masthead.discussion.CommentScreening} port; {@link org.masthead.moderation.ToxicityScorer}
 * is the one port of its own, for a scorer of how hostile a text is.
 */
@NullMarked
package org.masthead.moderation;

import org.jspecify.annotations.NullMarked;
