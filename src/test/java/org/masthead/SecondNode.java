package org.masthead;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of Masthead sharing the test's database, as a second server behind a load balancer
 * would: its own port, data directory and memory, no demo content. Close it when done.
 */
public final class SecondNode {

    private SecondNode() {}

    public static ConfigurableApplicationContext start(HikariDataSource sharedDatabase, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--masthead.db.url=" + sharedDatabase.getJdbcUrl(),
                "--masthead.db.user=" + sharedDatabase.getUsername(),
                "--masthead.db.password=" + sharedDatabase.getPassword(),
                "--masthead.demo-content=false",
                // As the tests' first node: accounts they have just opened post without waiting.
                "--masthead.moderation.held-first-comments=0",
                "--masthead.data-dir=target/test-data/node-b-" + UUID.randomUUID()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(MastheadApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
