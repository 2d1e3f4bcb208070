/** Plans, subscriptions, the reading list and the listeners that apply payments events to them. */
@NullMarked
package org.masthead.membership.internal;

import org.jspecify.annotations.NullMarked;
