package org.masthead.accounts;

/**
 * A reader changed what others see of them: their display name, bio or picture. Pages that show
 * any of these for the account are stale.
 */
public record ProfileChanged(long accountId) {}
