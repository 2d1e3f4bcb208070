package org.masthead.accounts;

/**
 * A signed-in session has ended: its reader signed out, or their account was signed out everywhere
 * (a new password, an address change, disabled, deleted). Published on the node where it happened,
 * as it happens, for what must stop with the session at once; a session that expires unused ends
 * unannounced, and {@link SignedInSessions#isSignedIn} is the answer that always holds.
 *
 * @param sessionReference see {@link SignedInSessions#referenceTo}
 */
public record SessionEnded(long accountId, String sessionReference) {}
