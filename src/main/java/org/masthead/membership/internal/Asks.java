package org.masthead.membership.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.MembershipProperties;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ask under articles and its test of two variants. Each browser keeps a random number of its own
 * (in localStorage) and always sees the running variant it picks, so the split is fair and stable
 * without the server keeping anything about the reader.
 */
@Service
public class Asks {

    private final JdbcClient db;
    private final Clock clock;
    private final MembershipProperties properties;

    Asks(JdbcClient db, Clock clock, MembershipProperties properties) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    public record Variant(String code, String headline, String body, String button, boolean running) {}

    /**
     * How a variant has done: views and clicks counted as they happen, contributions started from it
     * and those paid.
     */
    public record Results(String code, long views, long clicks, long started, long paid) {

        /** Paid contributions per thousand views, rounded down: whole numbers, no floating point. */
        public long paidPerThousandViews() {
            return views == 0 ? 0 : paid * 1000 / views;
        }
    }

    public List<Variant> variants() {
        return db.sql("SELECT code, headline, body, button, running FROM ask_variant ORDER BY code")
                .query(Variant.class)
                .list();
    }

    public boolean known(@Nullable String code) {
        return code != null && (code.equals("A") || code.equals("B"));
    }

    /** The variant this browser sees, from its own random number; empty if no variant is running. */
    public Optional<Variant> forBrowser(long bucket) {
        List<Variant> running = variants().stream()
                .filter(Variant::running)
                .limit(Math.max(1, properties.askVariants()))
                .toList();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(running.get((int) Math.floorMod(bucket, running.size())));
    }

    public void viewed(String code) {
        count(code, "views");
    }

    public void clicked(String code) {
        count(code, "clicks");
    }

    /**
     * @throws RefusedException if any part is empty or too long
     */
    @Transactional
    public void update(String code, String headline, String body, String button, boolean running) {
        if (!known(code)) {
            throw new NotFoundException("There is no such variant.");
        }
        require("headline", headline, 120);
        require("text", body, 600);
        require("button", button, 40);
        db.sql("UPDATE ask_variant SET headline = :headline, body = :body, button = :button, running = :running"
                        + " WHERE code = :code")
                .param("headline", headline.strip())
                .param("body", body.strip())
                .param("button", button.strip())
                .param("running", running)
                .param("code", code)
                .update();
    }

    public List<Results> results() {
        return db.sql(
                        """
                        SELECT v.code,
                               coalesce((SELECT sum(views) FROM ask_day d WHERE d.code = v.code), 0),
                               coalesce((SELECT sum(clicks) FROM ask_day d WHERE d.code = v.code), 0),
                               (SELECT count(*) FROM contribution c WHERE c.ask_variant = v.code),
                               (SELECT count(*) FROM contribution c WHERE c.ask_variant = v.code
                                                                      AND c.first_paid_at IS NOT NULL)
                        FROM ask_variant v ORDER BY v.code""")
                .query((rs, n) ->
                        new Results(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    private void count(String code, String column) {
        if (!known(code)) {
            return;
        }
        db.sql("INSERT INTO ask_day (code, day, " + column + ") VALUES (:code, :day, 1)"
                        + " ON CONFLICT (code, day) DO UPDATE SET " + column + " = ask_day." + column + " + 1")
                .param("code", code)
                .param("day", Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .update();
    }

    private static void require(String what, String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new RejectedException(
                    "The variant cannot be saved as it is", "The " + what + " must be 1 to " + max + " characters.");
        }
    }
}
