@NullMarked
package org.masthead;

import org.jspecify.annotations.NullMarked;
