package org.masthead.membership;

import org.masthead.membership.internal.Contributions;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.springframework.stereotype.Service;

/**
 * What a reader's membership entitles them to, for any module to ask. Worked out afresh on every call
 * from what the payments provider last reported, so a lapse or a renewal shows at once.
 */
@Service
public class Membership {

    private final PremiumSubscriptions premium;
    private final Contributions contributions;

    Membership(PremiumSubscriptions premium, Contributions contributions) {
        this.premium = premium;
        this.contributions = contributions;
    }

    /**
     * Whether the reader has Premium: a subscription in its trial, paid up, or past due within the
     * provider's grace period; one set to cancel counts until its period ends.
     */
    public boolean isPremium(long accountId) {
        return premium.isPremium(accountId);
    }

    /** Whether the reader may keep a reading list: Premium members may. */
    public boolean maySaveArticles(long accountId) {
        return isPremium(accountId);
    }

    /**
     * Whether the reader supports the paper with money: a recurring contribution that is live, or a
     * one-off contribution within the last year.
     */
    public boolean isSupporter(long accountId) {
        return contributions.isSupporter(accountId);
    }
}
