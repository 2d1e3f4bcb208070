package org.masthead.demo.internal;

import java.util.List;
import java.util.Set;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts for trying every role of a demo site. They exist only where the demo content was loaded,
 * and their credentials are printed at every start, because they are meant to be used.
 */
@Component
class DemoStaff {

    /** One password for all of them: this is a demo, and the log shows it anyway. */
    static final String PASSWORD = "masthead-demo";

    record Person(String email, String displayName, Set<Role> roles) {}

    static final List<Person> PEOPLE = List.of(
            new Person("admin@masthead.test", "Ada Admin", Set.of(Role.ADMIN)),
            new Person("editor@masthead.test", "Eddie Editor", Set.of(Role.EDITOR)),
            new Person("journalist@masthead.test", "Jo Journalist", Set.of(Role.JOURNALIST)),
            new Person("moderator@masthead.test", "Mo Moderator", Set.of(Role.MODERATOR)),
            new Person("reader@masthead.test", "Riley Reader", Set.of(Role.READER)));

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final DemoProperties properties;
    private final Accounts accounts;
    private final JdbcClient db;

    DemoStaff(DemoProperties properties, Accounts accounts, JdbcClient db) {
        this.properties = properties;
        this.accounts = accounts;
        this.db = db;
    }

    /** Runs at every start, after the demo content has had its chance to load (see {@link DemoSetUp}). */
    void ensureDemoAccounts() {
        if (!properties.demoContent() || !demoContentLoaded()) {
            return;
        }
        StringBuilder table = new StringBuilder("Demo accounts (password for all: " + PASSWORD + "):");
        for (Person person : PEOPLE) {
            accounts.ensureAccount(person.email(), person.displayName(), PASSWORD, person.roles());
            table.append("%n  %-26s %s".formatted(person.email(), person.roles()));
        }
        log.info(table.toString());
    }

    private boolean demoContentLoaded() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM demo_content WHERE article_count > 0)")
                .query(Boolean.class)
                .single();
    }
}
