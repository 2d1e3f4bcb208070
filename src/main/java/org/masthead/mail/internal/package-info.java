@NullMarked
package org.masthead.mail.internal;

import org.jspecify.annotations.NullMarked;
