package org.masthead.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.discussion.ReaderStanding;
import org.masthead.moderation.SanctionImposed;
import org.masthead.moderation.SanctionWithdrawn;
import org.masthead.moderation.internal.Sanctions.Sanction;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators sanctioning readers. Every sanction carries a statement of reasons (the rule, what the
 * reader did, what it means and until when), mailed to the reader with the sanction and shown to them
 * in the app before they next write and among their notifications; it is enforced at posting time and ends
 * on its own. A sanction other than a warning adds to those in force only if it is stronger than each of them, and a moderator may withdraw one in force
 * (one imposed by mistake), saying why; the reader is told.
 */
@Service
public class SanctionDesk {

    /** The community standards' rules a sanction may cite, by their anchor on that page. */
    public static final Map<String, String> RULES = rules();

    public static final int REASON_MAX_LENGTH = 1000;
    public static final int LONGEST_SUSPENSION_DAYS = 365;
    private static final String REFUSED = "The sanction cannot be imposed";
    private static final String NOT_WITHDRAWN = "The sanction was not withdrawn";

    /**
     * A sanction that holds now, as moderators see it beside the reader's comments and appeals.
     *
     * @param summary what, and until when ("Suspended until …")
     */
    public record InForce(long id, String summary, String rule, String reason, Instant since) {}

    private final Sanctions sanctions;
    private final SanctionStep standing;
    private final Accounts accounts;
    private final DecisionMail mail;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SanctionDesk(
            Sanctions sanctions,
            SanctionStep standing,
            Accounts accounts,
            DecisionMail mail,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sanctions = sanctions;
        this.standing = standing;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

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

    /**
     * Imposes a sanction, unless it keeps the reader from something and one as strong or stronger holds
     * already: a second ban, or pre-moderating a suspended reader, would change nothing for them but the
     * mail, and, appealed and overturned alone, would leave them told the sanction is lifted while another
     * still holds. A warning keeps them from nothing, so a moderator may warn again, for something new.
     *
     * @param days how long a suspension lasts (and, optionally, a warning or pre-moderation); null for
     *     no end
     */
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
        sanctions.lockReader(accountId);
        Instant now = clock.instant();
        for (Sanction held : sanctions.inForce(accountId, now)) {
            if (kind != Sanctions.Kind.WARN && held.kind().compareTo(kind) >= 0) {
                throw new RejectedException(REFUSED, "kind", already(held));
            }
        }
        Instant until = days == null ? null : now.plus(Duration.ofDays(days));
        long id = sanctions.impose(accountId, kind, ruleName, why, now, until, by);
        Statement statement = new Statement(
                what(kind),
                until == null ? "" : standing.display(until),
                ruleName,
                rule,
                why,
                "",
                kind == Sanctions.Kind.SUSPEND || kind == Sanctions.Kind.BAN);
        mail.decided(accountId, statement);
        events.publishEvent(new SanctionImposed(id, accountId, decision(statement), now));
        return id;
    }

    /**
     * Withdraws a sanction in force, one imposed by mistake say: it is lifted at once, the audit log keeps
     * who withdrew it and why, and the reader is told by mail and in the app, with whatever else still
     * holds.
     *
     * @return what the reader was told
     */
    @Transactional
    public String withdraw(long readerId, long sanctionId, String reason, long by) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw new RejectedException(
                    NOT_WITHDRAWN,
                    "reason",
                    "Say why it is withdrawn, in " + REASON_MAX_LENGTH + " characters or fewer.");
        }
        Sanction sanction = sanctions
                .find(sanctionId)
                .filter(found -> found.accountId() == readerId)
                .orElseThrow(() -> new NotFoundException("There is no such sanction on this reader."));
        AccountSummary reader =
                accounts.find(readerId).orElseThrow(() -> new NotFoundException("There is no such reader."));
        Optional<String> notHere = whyNotSanctionedBy(reader, by);
        if (notHere.isPresent()) {
            throw new NotAllowedException(notHere.get());
        }
        Instant now = clock.instant();
        boolean inForce = sanction.endsAt() == null || sanction.endsAt().isAfter(now);
        if (!inForce || !sanctions.lift(sanctionId, now)) {
            throw new ConflictException("This sanction no longer holds: it ended, or was lifted already.");
        }
        audit.record(new AuditLog.Subject(null, sanctionId, null), by, "withdraw", "", why);
        String outcome = lifted(readerId, "Withdrawn:");
        mail.withdrawn(readerId, whatWas(sanction.kind()), why, outcome);
        events.publishEvent(new SanctionWithdrawn(sanctionId, readerId, outcome, now));
        return outcome;
    }

    /** The reader's sanctions that hold now, the severest first. */
    @Transactional(readOnly = true)
    public List<InForce> inForce(long readerId) {
        return sanctions.inForce(readerId, clock.instant()).stream()
                .map(held -> new InForce(
                        held.id(),
                        summary(
                                held.kind(),
                                standing.display(held.startsAt()),
                                held.endsAt() == null ? "" : standing.display(held.endsAt()),
                                false,
                                true),
                        held.rule(),
                        held.reason(),
                        held.startsAt()))
                .toList();
    }

    /**
     * What the reader is told once one of their sanctions is lifted: that it is, and what still holds if
     * anything does, so that nobody hears they may comment again while another sanction forbids it.
     * Asked after the lifting, in its transaction.
     *
     * @param opening how it was lifted ("Overturned:", "Withdrawn:")
     */
    String lifted(long readerId, String opening) {
        ReaderStanding after = standing.standing(readerId);
        String notice = after.notice();
        if (notice == null) {
            return opening + " the sanction is lifted.";
        }
        String still = notice.endsWith(".") ? notice : notice + ".";
        return after.mayPost()
                ? opening + " the sanction is lifted. Still in force: " + still
                : opening + " this sanction is lifted, but another still keeps you from commenting. " + still;
    }

    /** Why a sanction is refused while this one holds, for the moderator. */
    private String already(Sanction held) {
        String what =
                switch (held.kind()) {
                    case WARN -> "warned";
                    case PREMODERATE -> "pre-moderated";
                    case SUSPEND -> "suspended";
                    case BAN -> "banned";
                };
        String next = held.kind() == Sanctions.Kind.BAN
                ? "withdraw the ban first if it was a mistake."
                : "choose a stronger sanction, or withdraw that one first.";
        return "The reader is " + what + " already (" + held.rule() + ", since " + standing.display(held.startsAt())
                + "): " + next;
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

    /**
     * The sanction as the reader finds it among their notifications: what, until when, and the rule, as
     * the mail opens; the mail says why at length.
     */
    static String decision(Statement statement) {
        String until = statement.until().isEmpty() ? "" : " Until " + statement.until() + ".";
        return statement.what() + until + " The rule: " + statement.rule() + ".";
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
     * A sanction as moderators describe it: what, until when, and whether it still holds. A warning is
     * something said once, not a state, so it is told with its date.
     *
     * @param since when it was imposed, as displayed
     * @param until when it ends, as displayed, or empty
     */
    static String summary(Sanctions.Kind kind, String since, String until, boolean lifted, boolean inForce) {
        if (kind == Sanctions.Kind.WARN) {
            return "Warned on " + since + (lifted ? " (withdrawn)" : "");
        }
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
