@NullMarked
package org.masthead.payments.internal.stripe;

import org.jspecify.annotations.NullMarked;
