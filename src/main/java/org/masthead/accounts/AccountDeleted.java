package org.masthead.accounts;

/**
 * A reader deleted their account: their personal data is already gone. Modules that keep anything
 * public the account made (comments others replied to, say) keep it, shown as by
 * {@link #SHOWN_AS}, and drop everything else they hold about the account.
 */
public record AccountDeleted(long accountId) {

    /** What a deleted account is called wherever something it made stays public. */
    public static final String SHOWN_AS = "a former reader";
}
