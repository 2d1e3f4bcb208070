@NullMarked
package org.masthead.accounts.web;

import org.jspecify.annotations.NullMarked;
