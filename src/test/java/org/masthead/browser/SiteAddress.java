package org.masthead.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the application on a free port chosen before it starts, and configures that address as the
 * site's base URL: links that leave the site and come back, such as a payment provider's return to
 * the thank-you page, are built from the base URL, and the browser must land on this application.
 */
final class SiteAddress implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "browser-site-address",
                        Map.of("server.port", port, "masthead.site.base-url", "http://localhost:" + port)));
    }
}
