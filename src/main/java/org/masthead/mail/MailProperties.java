package org.masthead.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail is sent. Whether it leaves by SMTP is decided by Spring Boot's own {@code spring.mail.*}
 * properties: with {@code spring.mail.host} set it does; without, each message is logged and kept in the
 * admin mailbox.
 *
 * @param from the From header of every message: an address, optionally with a display name
 * @param siteName the name that signs every message, in its header and footer
 * @param pollInterval how often each node looks for mail that is due, besides being woken when a message
 *     is added
 * @param maxAttempts how many times a message is tried before it is given up as failed
 * @param retryDelay how long after the first failed attempt a message is tried again; the wait doubles
 *     after each further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param retention how long a sent or failed message is kept (for the mailbox and for support) before
 *     it is deleted; messages carry single-use links, so they are not kept for ever
 */
@ConfigurationProperties("masthead.mail")
public record MailProperties(
        @DefaultValue("The Masthead <newsroom@localhost>") String from,
        @DefaultValue("The Masthead") String siteName,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("30d") Duration retention) {

    public MailProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("masthead.mail.max-attempts must be at least 1");
        }
        if (!pollInterval.isPositive() || retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("masthead.mail.poll-interval must be positive, and "
                    + "masthead.mail.max-retry-delay at least masthead.mail.retry-delay");
        }
        if (!retention.isPositive()) {
            // Mail older than a negative retention is all of it, sent or not.
            throw new IllegalArgumentException("masthead.mail.retention must be positive, not " + retention);
        }
    }
}
