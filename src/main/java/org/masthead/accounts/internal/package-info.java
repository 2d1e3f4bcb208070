@NullMarked
package org.masthead.accounts.internal;

import org.jspecify.annotations.NullMarked;
