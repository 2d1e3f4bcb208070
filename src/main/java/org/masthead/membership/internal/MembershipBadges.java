package org.masthead.membership.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.discussion.CommenterBadges;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Supporters and Premium members say so next to their name in a conversation. */
@Component
@Order(1)
class MembershipBadges implements CommenterBadges {

    private static final Badge SUPPORTER = new Badge("Supporter", "supporter");
    private static final Badge PREMIUM = new Badge("Premium", "premium");

    private final PremiumSubscriptions premium;
    private final Contributions contributions;

    MembershipBadges(PremiumSubscriptions premium, Contributions contributions) {
        this.premium = premium;
        this.contributions = contributions;
    }

    /** Two queries for the whole page, whatever the number of commenters. */
    @Override
    public Map<Long, List<Badge>> badgesOf(Collection<Long> accountIds) {
        Set<Long> supporters = contributions.supportersAmong(accountIds);
        Set<Long> members = premium.premiumAmong(accountIds);
        Map<Long, List<Badge>> badges = new HashMap<>();
        for (long accountId : Set.copyOf(accountIds)) {
            List<Badge> earned = new ArrayList<>();
            if (supporters.contains(accountId)) {
                earned.add(SUPPORTER);
            }
            if (members.contains(accountId)) {
                earned.add(PREMIUM);
            }
            if (!earned.isEmpty()) {
                badges.put(accountId, List.copyOf(earned));
            }
        }
        return badges;
    }
}
