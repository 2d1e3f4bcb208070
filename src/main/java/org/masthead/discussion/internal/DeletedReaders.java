package org.masthead.discussion.internal;

import java.util.HashSet;
import java.util.Set;
import org.masthead.accounts.AccountDeleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reader deleted their account: their follows and recommendations go (the counts they were part of
 * go down); their comments stay in the conversations, shown as by a former reader.
 */
@Component
class DeletedReaders {

    private final RecommendationRepository recommendations;
    private final FollowRepository follows;
    private final ApplicationEventPublisher events;

    DeletedReaders(
            RecommendationRepository recommendations, FollowRepository follows, ApplicationEventPublisher events) {
        this.recommendations = recommendations;
        this.follows = follows;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        Set<Long> articles = new HashSet<>(recommendations.withdrawAllRecommendationsOf(deleted.accountId()));
        Set<Long> readers = new HashSet<>(follows.dropAllOf(deleted.accountId()));
        readers.add(deleted.accountId());
        events.publishEvent(new ThreadChanged(articles, readers));
    }
}
