package org.masthead.notifications.internal;

import java.util.Optional;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The link in every notification e-mail that turns them off without signing in: the account's id and
 * its {@link Signatures signature}. It keeps working, since people click twice and mail programs'
 * one-click unsubscribe (RFC 8058) may come days later; what it can do is only ever to stop these
 * e-mails.
 */
@Component
class UnsubscribeLinks {

    private static final String PATH = "/notifications/unsubscribe?token=";
    private static final String PURPOSE = "notification-mail-unsubscribe";

    private final Signatures signatures;
    private final SiteProperties site;

    UnsubscribeLinks(Signatures signatures, SiteProperties site) {
        this.signatures = signatures;
        this.site = site;
    }

    String urlFor(long accountId) {
        return site.origin() + PATH + accountId + "." + signatures.sign(PURPOSE, String.valueOf(accountId));
    }

    /** The account a token is for, if it is one of ours. */
    Optional<Long> accountOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            long accountId = Long.parseLong(token.substring(0, dot));
            return signatures.verify(PURPOSE, String.valueOf(accountId), token.substring(dot + 1))
                    ? Optional.of(accountId)
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
