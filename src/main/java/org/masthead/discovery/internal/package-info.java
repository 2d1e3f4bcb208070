@NullMarked
package org.masthead.discovery.internal;

import org.jspecify.annotations.NullMarked;
