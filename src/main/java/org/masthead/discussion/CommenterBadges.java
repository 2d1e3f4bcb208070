package org.masthead.discussion;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Badges shown next to a commenter's name, such as "Staff" or "Supporter". Any module may declare a
 * bean of this type; a conversation asks every one once per page, for all the commenters on it, and
 * shows their badges in bean order.
 */
@FunctionalInterface
public interface CommenterBadges {

    /**
     * @param label the word shown, such as {@code Staff}
     * @param kind a lower-case identifier for styling, such as {@code staff}
     */
    record Badge(String label, String kind) {}

    /** The badges of each of these accounts that has any; others are absent. */
    Map<Long, List<Badge>> badgesOf(Collection<Long> accountIds);
}
