package org.masthead.membership.internal;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.springframework.stereotype.Component;

/** Whom membership's mails greet by name: the account's reader; a guest is greeted without one. */
@Component
class Greetings {

    private final Accounts accounts;

    Greetings(Accounts accounts) {
        this.accounts = accounts;
    }

    @Nullable
    String nameOf(@Nullable Long accountId) {
        return accountId == null
                ? null
                : accounts.find(accountId).map(AccountSummary::displayName).orElse(null);
    }
}
