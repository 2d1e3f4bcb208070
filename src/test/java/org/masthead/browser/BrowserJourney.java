package org.masthead.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A reader's journey through the whole application in a real browser: the app on a free port, which
 * is also its configured address (see {@link SiteAddress}), with its own real PostgreSQL in a fresh data directory and no demo content, and a {@link Browser} for
 * every test parameter of that type. Classes with this annotation share one application, so each
 * makes its own content with unique slugs and finds it by address rather than by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "masthead.data-dir=target/test-data/browser-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.metrics-token=test-metrics-token",
            // Tests post from accounts they have just opened, to test everything but moderation; the
            // moderation tests hold a new reader's first comments in an application of their own.
            "masthead.moderation.held-first-comments=0"
        })
@ContextConfiguration(initializers = SiteAddress.class)
@ExtendWith(BrowserExtension.class)
public @interface BrowserJourney {}
