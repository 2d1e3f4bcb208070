package org.masthead.accounts;

/**
 * A reader confirmed that this address is theirs, by the link sent when they registered. Modules that
 * hold things given under an address before there was an account (a guest's contribution, say) may
 * now give them to the account.
 *
 * @param email the address as confirmed
 */
public record AddressVerified(long accountId, String email) {}
