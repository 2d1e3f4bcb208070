@NullMarked
package org.masthead.mail.web;

import org.jspecify.annotations.NullMarked;
