/**
 * Infrastructure every module stands on: the database (embedded or external), the page cache that
 * lets any CDN hold our pages, and messages between app nodes. It holds no business rules.
 */
@NullMarked
package org.masthead.platform;

import org.jspecify.annotations.NullMarked;
