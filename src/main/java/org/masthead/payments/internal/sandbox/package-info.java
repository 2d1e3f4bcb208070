@NullMarked
package org.masthead.payments.internal.sandbox;

import org.jspecify.annotations.NullMarked;
