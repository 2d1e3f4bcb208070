package org.masthead.discovery;

import java.util.List;
import org.masthead.discovery.internal.TopicFollows;
import org.masthead.newsroom.PublishedArticle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who follows what an article is about: the readers to tell when it is published. */
@Service
public class TopicFollowers {

    /**
     * A reader to tell, and why: the author or topic of the article they follow (an author before a
     * topic, each in the article's order).
     *
     * @param author whether what they follow is one of the article's authors, rather than a topic
     */
    public record Follower(long readerId, boolean author, String followedName) {}

    private final TopicFollows follows;

    TopicFollowers(TopicFollows follows) {
        this.follows = follows;
    }

    /** Every reader who follows any of the article's authors or topics, once each. */
    @Transactional(readOnly = true)
    public List<Follower> of(PublishedArticle article) {
        return follows.followersOf(article);
    }
}
