package org.masthead.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A reader's journey through the whole application in a real browser: the app on a random port with
 * its own real PostgreSQL in a fresh data directory and no demo content, and a {@link Browser} for
 * every test parameter of that type. Classes with this annotation share one application, so each
 * makes its own content with unique slugs and finds it by address rather than by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/browser-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.site.base-url=http://localhost:8080",
            "masthead.metrics-token=test-metrics-token"
        })
@ExtendWith(BrowserExtension.class)
public @interface BrowserJourney {}
