@NullMarked
package org.masthead.site.web;

import org.jspecify.annotations.NullMarked;
