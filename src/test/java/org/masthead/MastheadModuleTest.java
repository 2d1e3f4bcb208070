package org.masthead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of one module: only the module the test class is in starts, with the modules it depends on
 * (platform at least, which brings the database), each test class with a real PostgreSQL of its own in
 * a fresh data directory and no demo content. Test methods may take a Spring Modulith {@code Scenario}:
 * a stimulus (a call, or another module's event) and the event or change it must lead to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(
        properties = {
            "masthead.data-dir=target/test-data/module-${random.uuid}",
            "masthead.demo-content=false",
            "masthead.site.base-url=http://localhost:8080",
            "masthead.moderation.held-first-comments=0"
        })
public @interface MastheadModuleTest {}
