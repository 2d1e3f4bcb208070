package org.masthead.discovery.internal;

import org.masthead.accounts.AccountDeleted;
import org.masthead.accounts.PersonalDataContributor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The topics and authors a reader follows: in their data export, and forgotten with their account. What
 * others read is counted without anyone's identity, so it has nothing of theirs to give or to forget.
 */
@Component
class FollowsPersonalData implements PersonalDataContributor {

    private final TopicFollows follows;
    private final TopicFollowRepository repository;

    FollowsPersonalData(TopicFollows follows, TopicFollowRepository repository) {
        this.follows = follows;
        this.repository = repository;
    }

    @Override
    public String section() {
        return "followedTopicsAndAuthors";
    }

    @Override
    public Object dataFor(long accountId) {
        return follows.followedBy(accountId);
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        repository.forget(deleted.accountId());
    }
}
