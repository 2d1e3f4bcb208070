package org.masthead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An integration test against the whole application on a random port, with its own real PostgreSQL
 * in a fresh data directory and no demo content. Every class with this annotation shares one
 * application, so tests make their own content with unique slugs (see TestContent).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.data-dir=target/test-data/it-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.metrics-token=test-metrics-token"
        })
public @interface MastheadTest {}
