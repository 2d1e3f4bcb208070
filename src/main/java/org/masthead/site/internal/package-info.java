@NullMarked
package org.masthead.site.internal;

import org.jspecify.annotations.NullMarked;
