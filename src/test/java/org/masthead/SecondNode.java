package org.masthead;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String setting : List.of(
                "--server.port=0",
                "--masthead.db.url=" + sharedDatabase.getJdbcUrl(),
                "--masthead.db.user=" + sharedDatabase.getUsername(),
                "--masthead.db.password=" + sharedDatabase.getPassword(),
                "--masthead.demo-content=false",
                // As the tests' first node: accounts they have just opened post without waiting.
                "--masthead.moderation.held-first-comments=0",
                "--db-scheduler.polling-interval=1s",
                "--masthead.data-dir=target/test-data/node-b-" + UUID.randomUUID())) {
            arguments.put(nameOf(setting), setting);
        }
        // A setting given twice would be read as a list of both: the caller's replaces the default.
        for (String setting : settings) {
            arguments.put(nameOf(setting), setting);
        }
        return new SpringApplicationBuilder(MastheadApplication.class)
                .run(arguments.values().toArray(String[]::new));
    }

    private static String nameOf(String setting) {
        int equals = setting.indexOf('=');
        return equals < 0 ? setting : setting.substring(0, equals);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
