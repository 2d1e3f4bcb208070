@NullMarked
package org.masthead.platform.internal;

import org.jspecify.annotations.NullMarked;
