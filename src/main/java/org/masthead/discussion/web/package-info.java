/** The conversation's pages, fragments and JSON endpoints, and who may reach them. */
@NullMarked
package org.masthead.discussion.web;

import org.jspecify.annotations.NullMarked;
