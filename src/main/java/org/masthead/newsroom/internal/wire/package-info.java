/**
 * Wire copy: agency stories taken in from a folder in the data directory or from {@code POST
 * /api/wires}, in IPTC ninjs, NewsML-G2 or plain text; kept with every version in a queue the newsroom
 * reads; turned into drafts through the desk. What cannot be read is put aside in a quarantine folder,
 * with its reason.
 */
@NullMarked
package org.masthead.newsroom.internal.wire;

import org.jspecify.annotations.NullMarked;
