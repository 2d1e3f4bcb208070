/** The moderation console and who may reach it. */
@NullMarked
package org.masthead.moderation.web;

import org.jspecify.annotations.NullMarked;
