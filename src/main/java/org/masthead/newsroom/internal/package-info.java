@NullMarked
package org.masthead.newsroom.internal;

import org.jspecify.annotations.NullMarked;
