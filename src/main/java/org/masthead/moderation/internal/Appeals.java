package org.masthead.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.discussion.DiscussedComment;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.AppealDecided;
import org.masthead.moderation.internal.AppealRecords.About;
import org.masthead.moderation.internal.AppealRecords.Row;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers appealing a moderator's decision on them (the rejection of a comment, a sanction), once per
 * decision, and moderators deciding the appeals. An appeal is decided by a moderator other than the one
 * who made the decision, unless nobody else may work the console. Overturning a rejection returns the
 * comment to the conversation; overturning a sanction lifts it. The reader is told by mail and in the
 * app, and the decision goes to the audit log.
 */
@Service
public class Appeals {

    public static final int TEXT_MAX_LENGTH = 1000;
    public static final String OWN_APPEAL = "Nobody decides their own appeal: another moderator or an admin will.";
    public static final String SAME_MODERATOR =
            "You made the decision under appeal, so another moderator must decide the appeal.";
    public static final String APPEALED =
            "You have already appealed this decision: each decision is looked at again once.";
    private static final String TAKEN = "Another moderator has already decided this appeal.";
    private static final Set<Role> CONSOLE = Set.of(Role.MODERATOR, Role.ADMIN);

    /**
     * A decision on a reader, as they and the moderators see it: the statement of reasons, and the
     * appeal if there is one.
     *
     * @param about {@code rejection} or {@code sanction}
     * @param id the decision's id, by which it is appealed
     * @param appealable whether the reader may appeal it now
     * @param summary the decision as moderators describe it among themselves ("Suspended until …"), where the
     *     statement speaks to the reader
     * @param headline the article of the comment concerned, or empty
     * @param inForce whether this is a sanction that holds now; false for a rejection
     */
    public record Decided(
            String about,
            long id,
            long readerId,
            Statement statement,
            String summary,
            String headline,
            Instant at,
            boolean inForce,
            boolean appealable,
            @Nullable Long decidedBy,
            @Nullable Appeal appeal) {

        /** The anchor of this decision on the reader's page. */
        public String anchor() {
            return about + "-" + id;
        }
    }

    /**
     * A reader's appeal.
     *
     * @param outcome {@code upheld} or {@code overturned}; null while it waits
     * @param answer what the moderator who decided it told the reader; may be empty
     */
    public record Appeal(
            long id,
            String text,
            Instant appealedAt,
            @Nullable String outcome,
            String answer,
            @Nullable Instant decidedAt,
            @Nullable Long decidedBy) {}

    private final AppealRecords records;
    private final Decisions decisions;
    private final Sanctions sanctions;
    private final SanctionStep standing;
    private final SanctionDesk desk;
    private final AuditLog audit;
    private final DecisionMail mail;
    private final Discussion discussion;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Appeals(
            AppealRecords records,
            Decisions decisions,
            Sanctions sanctions,
            SanctionStep standing,
            SanctionDesk desk,
            AuditLog audit,
            DecisionMail mail,
            Discussion discussion,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.decisions = decisions;
        this.sanctions = sanctions;
        this.standing = standing;
        this.desk = desk;
        this.audit = audit;
        this.mail = mail;
        this.discussion = discussion;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Every decision on this reader, newest first. */
    @Transactional(readOnly = true)
    public List<Decided> about(long readerId) {
        return decided(records.about(readerId));
    }

    /** Every decision on this reader, newest first, however many: for their data export. */
    @Transactional(readOnly = true)
    public List<Decided> allAbout(long readerId) {
        return decided(records.allAbout(readerId));
    }

    @Transactional(readOnly = true)
    public List<Decided> waiting() {
        return decided(records.waiting());
    }

    /**
     * The reader appeals a decision on them, once.
     *
     * @param about {@code rejection} or {@code sanction}
     */
    @Transactional
    public void appeal(long readerId, String about, long id, String text) {
        About kind = About.of(about);
        Row row = kind == null
                ? null
                : records.of(kind, id).filter(r -> r.readerId() == readerId).orElse(null);
        if (row == null) {
            throw new NotFoundException("There is no such decision about you.");
        }
        String why = text.strip();
        if (why.isEmpty() || why.length() > TEXT_MAX_LENGTH) {
            throw new RejectedException(
                    "The appeal cannot be taken", "text", "Say why, in " + TEXT_MAX_LENGTH + " characters or fewer.");
        }
        if (row.appeal() == null && !decided(List.of(row)).getFirst().appealable()) {
            throw new ConflictException("This decision no longer applies, so there is nothing to appeal.");
        }
        if (row.appeal() != null || !records.insert(readerId, kind, id, why, clock.instant())) {
            throw new ConflictException(APPEALED);
        }
    }

    /**
     * A moderator decides an appeal.
     *
     * @param overturn true to overturn the decision, false to uphold it
     * @param answer what the moderator tells the reader; may be empty
     */
    @Transactional
    public void decide(long appealId, long moderatorId, boolean overturn, String answer) {
        Row row = records.ofAppeal(appealId).orElseThrow(() -> new NotFoundException("There is no such appeal."));
        String said = answer.strip();
        if (said.length() > TEXT_MAX_LENGTH) {
            throw new RejectedException(
                    "The appeal cannot be decided", "answer", "Keep the answer to " + TEXT_MAX_LENGTH + " characters.");
        }
        if (row.readerId() == moderatorId) {
            throw new NotAllowedException(OWN_APPEAL);
        }
        Long decider = row.decidedBy();
        if (decider != null && decider == moderatorId && anotherModeratorThan(moderatorId)) {
            throw new NotAllowedException(SAME_MODERATOR);
        }
        Instant now = clock.instant();
        if (!records.claim(appealId, moderatorId, overturn ? "overturned" : "upheld", said, now)) {
            throw new ConflictException(TAKEN);
        }
        if (overturn) {
            overturn(row, now);
        }
        audit.record(
                new AuditLog.Subject(row.commentId(), row.about() == About.SANCTION ? row.subjectId() : null, appealId),
                moderatorId,
                overturn ? "overturn" : "uphold",
                "",
                said);
        Decided decided = decided(List.of(row)).getFirst();
        String outcome = overturn
                ? row.about() == About.REJECTION
                        ? "Overturned: your comment is back in the conversation."
                        : desk.lifted(row.readerId(), "Overturned:")
                : "Upheld: the decision stands.";
        mail.appealDecided(row.readerId(), decided.statement().what(), outcome, said);
        events.publishEvent(new AppealDecided(
                appealId,
                row.readerId(),
                overturn,
                row.commentId(),
                row.commentId() == null ? 0 : commentOf(row).articleId(),
                decided.headline(),
                outcome,
                now));
    }

    private void overturn(Row row, Instant now) {
        boolean undone = row.about() == About.REJECTION
                ? discussion.reinstate(Objects.requireNonNull(row.commentId()))
                : sanctions.lift(row.subjectId(), now);
        if (!undone) {
            throw new ConflictException("This decision no longer applies, so there is nothing to overturn.");
        }
    }

    /** Whether someone else may work the console, and so must decide the appeals against this moderator's decisions. */
    public boolean anotherModeratorThan(long moderatorId) {
        return accounts.activeWithAnyRole(CONSOLE).stream().anyMatch(id -> id != moderatorId);
    }

    private DiscussedComment commentOf(Row row) {
        return discussion
                .comments(List.of(Objects.requireNonNull(row.commentId())))
                .getFirst();
    }

    private List<Decided> decided(List<Row> rows) {
        Map<Long, DiscussedComment> comments = new HashMap<>();
        discussion
                .comments(rows.stream()
                        .map(Row::commentId)
                        .filter(Objects::nonNull)
                        .toList())
                .forEach(comment -> comments.put(comment.id(), comment));
        Map<Long, String> headlines = new HashMap<>();
        Instant now = clock.instant();
        return rows.stream().map(row -> decided(row, comments, headlines, now)).toList();
    }

    private Decided decided(Row row, Map<Long, DiscussedComment> comments, Map<Long, String> headlines, Instant now) {
        if (row.about() == About.REJECTION) {
            DiscussedComment comment = comments.get(row.commentId());
            String headline =
                    comment == null ? "" : headlines.computeIfAbsent(comment.articleId(), decisions::headlineOf);
            boolean neverPublished = comment != null && decisions.neverPublished(comment, row.subjectId());
            String what = neverPublished ? "Comment not published" : "Comment removed";
            return new Decided(
                    row.about().code(),
                    row.subjectId(),
                    row.readerId(),
                    Decisions.rejection(
                            headline,
                            row.reasonCode(),
                            row.why(),
                            comment == null ? "" : comment.body(),
                            neverPublished),
                    headline.isEmpty() ? what : what + " on “" + headline + "”",
                    headline,
                    row.at(),
                    false,
                    row.appeal() == null && comment != null && comment.status().equals(DiscussedComment.REJECTED),
                    row.decidedBy(),
                    row.appeal());
        }
        Sanctions.Kind kind = Sanctions.Kind.of(Objects.requireNonNull(row.kind()));
        String rule = Objects.requireNonNull(row.rule());
        boolean inForce =
                row.liftedAt() == null && (row.endsAt() == null || row.endsAt().isAfter(now));
        String until = row.endsAt() == null ? "" : standing.display(row.endsAt());
        boolean lifted = row.liftedAt() != null;
        return new Decided(
                row.about().code(),
                row.subjectId(),
                row.readerId(),
                new Statement(
                        inForce ? SanctionDesk.what(kind) : SanctionDesk.whatWas(kind),
                        lifted ? "" : until,
                        rule,
                        SanctionDesk.anchorOf(rule),
                        row.why(),
                        "",
                        kind == Sanctions.Kind.SUSPEND || kind == Sanctions.Kind.BAN),
                SanctionDesk.summary(kind, standing.display(row.at()), until, lifted, inForce),
                "",
                row.at(),
                inForce,
                row.appeal() == null && inForce,
                row.decidedBy(),
                row.appeal());
    }
}
