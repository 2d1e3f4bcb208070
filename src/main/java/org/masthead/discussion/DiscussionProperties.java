package org.masthead.discussion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param editWindow how long after posting its author may still change a comment
 * @param pageSize top-level comments per page of a conversation
 * @param repliesShown replies shown under each comment before "show more replies"
 * @param listSize comments per page on a profile and on the following page
 */
@ConfigurationProperties("masthead.discussion")
public record DiscussionProperties(
        @DefaultValue("5m") Duration editWindow,
        @DefaultValue("50") int pageSize,
        @DefaultValue("3") int repliesShown,
        @DefaultValue("20") int listSize) {

    /** Checked here, so that a typo stops the start instead of failing every comment page's query. */
    public DiscussionProperties {
        if (editWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "masthead.discussion.edit-window must not be negative, not " + editWindow);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("masthead.discussion.page-size must be at least 1, not " + pageSize);
        }
        if (repliesShown < 0) {
            throw new IllegalArgumentException(
                    "masthead.discussion.replies-shown must be 0 or more, not " + repliesShown);
        }
        if (listSize < 1) {
            throw new IllegalArgumentException("masthead.discussion.list-size must be at least 1, not " + listSize);
        }
    }
}
