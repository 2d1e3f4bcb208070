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
        @DefaultValue("20") int listSize) {}
