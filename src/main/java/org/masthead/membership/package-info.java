/**
 * Membership: what readers' money entitles them to. Readers subscribe to Premium (which lets them keep
 * a reading list) and contribute, through the payments module; this module records what the payments
 * events report and works out entitlements from it. Other modules ask {@link
 * org.masthead.membership.Membership} and never read this module's tables.
 */
@NullMarked
package org.masthead.membership;

import org.jspecify.annotations.NullMarked;
