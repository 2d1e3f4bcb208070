package org.masthead.accounts;

/**
 * A module's part of a reader's "download my data" file. A module that keeps anything about a
 * reader (comments, subscriptions, notifications...) declares a bean of this type; the export
 * gathers every one, in bean order, each under its own section.
 */
public interface PersonalDataContributor {

    /** The key this module's data appears under in the file, such as {@code "comments"}. */
    String section();

    /**
     * Everything the module holds about the account, as plain values Jackson can write: records,
     * lists, maps, strings, numbers, booleans and {@link java.time.Instant}s. Never a secret such as
     * a password hash or a token.
     */
    Object dataFor(long accountId);
}
