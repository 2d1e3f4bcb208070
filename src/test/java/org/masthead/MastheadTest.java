package org.masthead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application on a random port, with its own real PostgreSQL
 * in a fresh data directory, no demo content, and its mail sent to a real SMTP server (see
 * TestMailServer). Every class with this annotation shares one application, so tests make their own
 * content with unique slugs and addresses (see TestContent).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/it-${random.uuid}",
            "masthead.demo-content=false",
            // Every test comes from 127.0.0.1; RateLimitsTest checks the limits in an application of its own.
            "masthead.rate-limits.sign-in-per-ip.capacity=100000",
            "masthead.rate-limits.registration-per-ip.capacity=100000",
            "masthead.rate-limits.email-link-per-ip.capacity=100000",
            "masthead.site.base-url=http://localhost:8080",
            "masthead.metrics-token=test-metrics-token",
            "masthead.wires.token=test-wire-token",
            // Tests post from accounts they have just opened, to test everything but moderation; the
            // moderation tests hold a new reader's first comments in an application of their own.
            "masthead.moderation.held-first-comments=0",
            // A conversation's followers are told in rounds; short ones keep tests that wait for them quick.
            "masthead.notifications.conversation-interval=100ms",
            // Scheduled articles are looked for every second, not every five: the scheduling tests wait less.
            "db-scheduler.polling-interval=1s"
        })
@ContextConfiguration(initializers = TestMailServer.class)
public @interface MastheadTest {}
