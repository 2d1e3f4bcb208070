@NullMarked
package org.masthead.demo.internal;

import org.jspecify.annotations.NullMarked;
