/**
 * Demo content: on its first start, an empty site is filled with original sections, authors, tags and
 * articles, with illustrations the project draws itself, and with demo readers' conversations under the
 * newest articles, so that a new installation shows what the paper will look like. {@link org.masthead.demo.DemoProperties} turns it off.
 */
@NullMarked
package org.masthead.demo;

import org.jspecify.annotations.NullMarked;
