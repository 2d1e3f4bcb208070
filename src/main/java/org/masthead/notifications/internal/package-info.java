@NullMarked
package org.masthead.notifications.internal;

import org.jspecify.annotations.NullMarked;
