@NullMarked
package org.masthead.notifications.web;

import org.jspecify.annotations.NullMarked;
