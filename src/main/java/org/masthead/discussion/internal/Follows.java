package org.masthead.discussion.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Readers following each other, to see what the others write. */
@Service
public class Follows {

    /** Followers and following of a reader, as their profile shows them. */
    public record Counts(int followers, int following) {}

    private final FollowRepository follows;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Follows(FollowRepository follows, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.follows = follows;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Follows a reader; following someone already followed changes nothing. */
    @Transactional
    public void follow(long followerId, long followedId) {
        if (followerId == followedId) {
            throw new RejectedException("You cannot follow yourself", "reader", "You cannot follow yourself.");
        }
        requireReader(followedId);
        if (!accounts.isVerified(followerId)) {
            throw new NotAllowedException("Confirm your e-mail address before you follow other readers.");
        }
        if (follows.follow(followerId, followedId, clock.instant())) {
            events.publishEvent(new ThreadChanged(Set.of(), Set.of(followerId, followedId)));
        }
    }

    /**
     * Refuses an account that is not a reader's, as if it had never been: one deleted leaves nothing
     * that could tie its comments back to it.
     */
    @Transactional(readOnly = true)
    public void requireReader(long accountId) {
        PublicReader reader = accounts.publicReaders(Set.of(accountId)).get(accountId);
        if (reader == null || reader.deleted()) {
            throw new NotFoundException("There is no such reader.");
        }
    }

    /** Stops following a reader; unfollowing someone not followed changes nothing. */
    @Transactional
    public void unfollow(long followerId, long followedId) {
        if (follows.unfollow(followerId, followedId)) {
            events.publishEvent(new ThreadChanged(Set.of(), Set.of(followerId, followedId)));
        }
    }

    @Transactional(readOnly = true)
    public boolean follows(long followerId, long followedId) {
        return follows.follows(followerId, followedId);
    }

    @Transactional(readOnly = true)
    public Counts counts(long accountId) {
        return new Counts(follows.followerCount(accountId), follows.followingCount(accountId));
    }

    /** The readers who follow this one, in the order of their ids. */
    public List<Long> followersOf(long accountId) {
        return follows.followers(accountId);
    }
}
