package org.masthead.accounts.web;

import org.jspecify.annotations.Nullable;

/**
 * How the owner confirms deleting their account: their password, or, for an account that has none,
 * the word typed out.
 */
record DeleteAccountForm(@Nullable String password, @Nullable String confirm) {

    static DeleteAccountForm empty() {
        return new DeleteAccountForm("", "");
    }
}
