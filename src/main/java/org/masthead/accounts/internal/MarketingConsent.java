package org.masthead.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.masthead.accounts.internal.AccountTokens.Purpose;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribing from marketing mail by its link: no sign-in, one click (RFC 8058), and the choice
 * is stored with its time like any other change of consent.
 */
@Service
public class MarketingConsent {

    static final Duration LINK_VALID_FOR = Duration.ofDays(365);

    private final AccountTokens tokens;
    private final ProfileRepository profiles;
    private final SiteProperties site;
    private final Clock clock;

    MarketingConsent(AccountTokens tokens, ProfileRepository profiles, SiteProperties site, Clock clock) {
        this.tokens = tokens;
        this.profiles = profiles;
        this.site = site;
        this.clock = clock;
    }

    /** The absolute link to put in a marketing mail to this account. */
    @Transactional
    public String unsubscribeUrl(long accountId) {
        return site.origin() + "/unsubscribe?token=" + tokens.issue(accountId, Purpose.UNSUBSCRIBE, "", LINK_VALID_FOR);
    }

    /** Whether the link is one we sent and still honour. */
    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return tokens.check(token, Purpose.UNSUBSCRIBE).isPresent();
    }

    /** Withdraws consent to marketing mail; empty when the link is not valid. */
    @Transactional
    public Optional<Long> unsubscribe(String token) {
        return tokens.check(token, Purpose.UNSUBSCRIBE).map(link -> {
            profiles.updateMarketingConsent(link.accountId(), false, clock.instant());
            return link.accountId();
        });
    }
}
