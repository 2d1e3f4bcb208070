/** Membership's pages and JSON endpoints, and who may reach them. */
@NullMarked
package org.masthead.membership.web;

import org.jspecify.annotations.NullMarked;
