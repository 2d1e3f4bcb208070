@NullMarked
package org.masthead.payments.internal;

import org.jspecify.annotations.NullMarked;
