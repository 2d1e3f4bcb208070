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
 * would: its own port, data directory and memory, no demo content (each can be replaced by a setting,
 * such as {@code --masthead.data-dir=} to share the first node's). Close it when done.
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
                "--masthead.data-dir=target/test-data/node-b-" + UUID.randomUUID()));
        // A setting given here replaces the default for it: given twice, Spring would join the two values.
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            arguments.removeIf(argument -> !key.isEmpty() && argument.startsWith(key));
        }
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(MastheadApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
