/** The screening pipeline and its steps, the word lists, sanctions and the scorers. */
@NullMarked
package org.masthead.moderation.internal;

import org.jspecify.annotations.NullMarked;
