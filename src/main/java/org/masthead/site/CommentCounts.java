package org.masthead.site;

import java.util.Collection;
import java.util.Map;

/**
 * How many comments articles have, for the cards that list them. The module that keeps comments
 * declares a bean of this type; without one, cards show no count. A page asks once for all its cards.
 */
@FunctionalInterface
public interface CommentCounts {

    /** The number of published comments on each of these articles that has any; others are absent. */
    Map<Long, Integer> of(Collection<Long> articleIds);
}
