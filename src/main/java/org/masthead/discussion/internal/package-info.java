/** How the discussion is kept and read: its tables, rules and the views pages are made from. */
@NullMarked
package org.masthead.discussion.internal;

import org.jspecify.annotations.NullMarked;
