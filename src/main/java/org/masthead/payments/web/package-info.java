@NullMarked
package org.masthead.payments.web;

import org.jspecify.annotations.NullMarked;
