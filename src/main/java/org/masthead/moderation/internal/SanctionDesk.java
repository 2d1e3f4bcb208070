package org.masthead.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators sanctioning readers. Every sanction carries a statement of reasons (the rule, what the
 * reader did, what it means and until when), mailed to the reader with the sanction and shown to them
 * in the app before they next write; it is enforced at posting time and ends on its own.
 */
@Service
public class SanctionDesk {

    /** The community standards' rules a sanction may cite, by their anchor on that page. */
    public static final Map<String, String> RULES = rules();

    public static final int REASON_MAX_LENGTH = 1000;
    public static final int LONGEST_SUSPENSION_DAYS = 365;
    private static final String REFUSED = "The sanction cannot be imposed";

    private final Sanctions sanctions;
    private final SanctionStep standing;
    private final Accounts accounts;
    private final DecisionMail mail;
    private final Clock clock;

    SanctionDesk(Sanctions sanctions, SanctionStep standing, Accounts accounts, DecisionMail mail, Clock clock) {
        this.sanctions = sanctions;
        this.standing = standing;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * @param days how long a suspension lasts (and, optionally, a warning or pre-moderation); null for
     *     no end
     */
    /**
     * Why this moderator may not sanction this reader from the console, if they may not: nobody sanctions
     * themselves, and an admin, who could lift it, loses their role on the admin pages first.
     */
    public Optional<String> whyNotSanctionedBy(AccountSummary reader, long moderatorId) {
        if (reader.id() == moderatorId) {
            return Optional.of("Nobody sanctions themselves: another moderator can.");
        }
        if (reader.roles().contains(Role.ADMIN)) {
            return Optional.of("Admins are not sanctioned from the console: another admin can take their role away"
                    + " on the admin pages first.");
        }
        return Optional.empty();
    }

    @Transactional
    public long impose(long accountId, String kindCode, String rule, String reason, @Nullable Integer days, long by) {
        Sanctions.Kind kind;
        try {
            kind = Sanctions.Kind.of(kindCode);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(REFUSED, "kind", "Choose a sanction.");
        }
        String ruleName = RULES.get(rule);
        if (ruleName == null) {
            throw new RejectedException(REFUSED, "rule", "Choose the rule it breaks.");
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw new RejectedException(
                    REFUSED, "reason", "Say what the reader did, in " + REASON_MAX_LENGTH + " characters or fewer.");
        }
        if (kind == Sanctions.Kind.BAN && days != null) {
            throw new RejectedException(REFUSED, "days", "A ban has no end; suspend for a time instead.");
        }
        if ((kind == Sanctions.Kind.SUSPEND && days == null)
                || (days != null && (days < 1 || days > LONGEST_SUSPENSION_DAYS))) {
            throw new RejectedException(
                    REFUSED, "days", "Say for how many days, from 1 to " + LONGEST_SUSPENSION_DAYS + ".");
        }
        AccountSummary reader =
                accounts.find(accountId).orElseThrow(() -> new NotFoundException("There is no such reader."));
        Optional<String> notHere = whyNotSanctionedBy(reader, by);
        if (notHere.isPresent()) {
            throw new NotAllowedException(notHere.get());
        }
        Instant now = clock.instant();
        Instant until = days == null ? null : now.plus(Duration.ofDays(days));
        long id = sanctions.impose(accountId, kind, ruleName, why, now, until, by);
        mail.decided(
                accountId,
                new Statement(
                        what(kind),
                        until == null ? "" : standing.display(until),
                        ruleName,
                        rule,
                        why,
                        "",
                        kind == Sanctions.Kind.SUSPEND || kind == Sanctions.Kind.BAN));
        return id;
    }

    /** The sanction, in a sentence to the reader. */
    static String what(Sanctions.Kind kind) {
        return switch (kind) {
            case WARN -> "A moderator has warned you.";
            case PREMODERATE -> "A moderator will read each of your comments before it is published.";
            case SUSPEND -> "You are suspended from commenting.";
            case BAN -> "You are banned from commenting.";
        };
    }

    /** A sanction that no longer holds (it ended, or was lifted), as the reader is told it. */
    static String whatWas(Sanctions.Kind kind) {
        return switch (kind) {
            case WARN -> "A moderator warned you.";
            case PREMODERATE -> "A moderator read each of your comments before it was published.";
            case SUSPEND -> "You were suspended from commenting.";
            case BAN -> "You were banned from commenting.";
        };
    }

    /**
     * A sanction as moderators describe it: what, until when, and whether it still holds.
     *
     * @param until when it ends, as displayed, or empty
     */
    static String summary(Sanctions.Kind kind, String until, boolean lifted, boolean inForce) {
        String what =
                switch (kind) {
                    case WARN -> "Warned";
                    case PREMODERATE -> "Pre-moderated";
                    case SUSPEND -> "Suspended";
                    case BAN -> "Banned";
                };
        String span = until.isEmpty() ? what : what + " until " + until;
        if (lifted) {
            return span + " (lifted)";
        }
        return inForce ? span + " (in force)" : span + " (ended)";
    }

    /** The anchor on the community standards page of the rule with this name. */
    static String anchorOf(String ruleName) {
        return RULES.entrySet().stream()
                .filter(rule -> rule.getValue().equals(ruleName))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("");
    }

    private static Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("civil", "Be civil");
        rules.put("hate", "No hatred or threats");
        rules.put("harassment", "No harassment");
        rules.put("privacy", "Keep private things private");
        rules.put("spam", "No spam");
        rules.put("topic", "Stay on topic");
        return java.util.Collections.unmodifiableMap(rules);
    }
}
