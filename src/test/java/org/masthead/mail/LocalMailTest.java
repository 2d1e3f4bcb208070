package org.masthead.mail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as a newcomer runs it, with no mail server configured: mail is written to the
 * log and read in the admin mailbox. Like {@link org.masthead.MastheadTest} (which sends mail to a test
 * SMTP server) it has its own PostgreSQL, and every class with this annotation shares one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/local-mail-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.metrics-token=test-metrics-token"
        })
public @interface LocalMailTest {}
