package org.masthead.newsroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param commentsOpenFor how long after publication an article takes comments, unless an editor says otherwise
 */
@ConfigurationProperties("masthead.newsroom")
public record NewsroomProperties(@DefaultValue("3d") Duration commentsOpenFor) {

    public NewsroomProperties {
        if (commentsOpenFor.isNegative()) {
            throw new IllegalArgumentException(
                    "masthead.newsroom.comments-open-for must not be negative, not " + commentsOpenFor);
        }
    }
}
