@NullMarked
package org.masthead.discovery.web;

import org.jspecify.annotations.NullMarked;
