package org.masthead.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.discussion.DiscussedComment;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.CommentApproved;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderators working the queues: approving held comments, rejecting comments with a reason. Each
 * comment is claimed by the first moderator to decide it, with a conditional update, so that two
 * moderators on the same queue never both decide it; the second is told so.
 */
@Service
public class Decisions {

    /** The queues, in the console's order. */
    public static final List<String> QUEUES = List.of("held", "reported", "recent", "rejected");

    /** Why a moderator removes a comment, as its author is told. */
    public static final Map<String, String> REJECTION_REASONS = reasons();

    /**
     * The rule of the community standards each rejection reason applies, by its anchor there (see
     * {@link SanctionDesk#RULES}), for the statement of reasons its author is given.
     */
    public static final Map<String, String> RULE_OF_REASON = Map.of(
            "spam", "spam",
            "abuse", "hate",
            "harassment", "harassment",
            "off-topic", "topic",
            "personal-information", "privacy",
            "other", "civil");

    public static final int NOTE_MAX_LENGTH = 1000;
    /** How many comments a queue shows at once, and a bulk decision takes. */
    public static final int QUEUE_SIZE = 50;

    private static final int EXCERPT_LENGTH = 200;
    /** Why a decision changed nothing when another moderator decided the comment first. */
    public static final String TAKEN = "Another moderator has already decided on this comment.";

    /**
     * A comment in a queue, with why it is there.
     *
     * @param step which rule held it (or {@code reports}); empty for one that was published
     * @param reason why, in words
     * @param notes what else the rules noted
     */
    public record Item(DiscussedComment comment, String step, String reason, List<String> notes, Instant at) {}

    private final JdbcClient db;
    private final AuditLog audit;
    private final DecisionMail mail;
    private final Discussion discussion;
    private final PublishedContent content;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decisions(
            JdbcClient db,
            AuditLog audit,
            DecisionMail mail,
            Discussion discussion,
            PublishedContent content,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.audit = audit;
        this.mail = mail;
        this.discussion = discussion;
        this.content = content;
        this.events = events;
        this.clock = clock;
    }

    private static String excerpt(String body) {
        int end = body.offsetByCodePoints(0, Math.min(body.codePointCount(0, body.length()), EXCERPT_LENGTH));
        return end < body.length() ? body.substring(0, end) + "…" : body;
    }

    /** The checks that hold a comment for a moderator, by the name each records, as a moderator filters by them. */
    public static final Map<String, String> HOLDING_CHECKS = checks();

    /** The checks that refuse a comment outright, by the name each is recorded under, with its name for people. */
    public static final Map<String, String> REFUSING_CHECKS = Map.of(
            "banned-words", "Banned words",
            "repeated-text", "The same text posted again",
            "sanctions", "A suspended or banned reader");

    /**
     * What a moderator narrows a queue to; each part left null leaves the queue whole.
     *
     * @param step one of {@link #HOLDING_CHECKS}
     * @param reason one of {@link #REJECTION_REASONS}: comments rejected for it
     */
    public record Filter(
            @Nullable Long article, @Nullable Long reader, @Nullable String step, @Nullable String reason) {

        public Filter {
            if (step != null && !HOLDING_CHECKS.containsKey(step)) {
                throw new RejectedException("There is no such filter", "step", "Choose a check from the list.");
            }
            if (reason != null && !REJECTION_REASONS.containsKey(reason)) {
                throw new RejectedException("There is no such filter", "reason", "Choose a reason from the list.");
            }
        }

        public boolean isEmpty() {
            return article == null && reader == null && step == null && reason == null;
        }
    }

    /** How many wait in each queue that waits: comments held, comments reported, appeals. */
    @Transactional(readOnly = true)
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("held", count("outcome = 'hold' AND decided_at IS NULL AND step <> 'reports'"));
        counts.put("reported", count("reported_at IS NOT NULL"));
        counts.put(
                "appeals",
                db.sql("SELECT count(*) FROM moderation_appeal WHERE decided_at IS NULL")
                        .query(Integer.class)
                        .single());
        return counts;
    }

    private int count(String where) {
        return db.sql("SELECT count(*) FROM moderation_screening WHERE " + where)
                .query(Integer.class)
                .single();
    }

    /**
     * A queue's comments: the waiting ones oldest first, the others newest first. Reported holds every
     * comment readers reported since its last decision: held, when enough of them did, or still published.
     */
    @Transactional(readOnly = true)
    public List<Item> queue(String queue, Filter filter) {
        String where =
                switch (queue) {
                    case "held" -> "s.outcome = 'hold' AND s.decided_at IS NULL AND s.step <> 'reports'";
                    case "reported" -> "s.reported_at IS NOT NULL";
                    case "recent" -> "TRUE";
                    // Rejected now: a rejection overturned on appeal put the comment back in the conversation.
                    case "rejected" ->
                        """
                        s.comment_id IN (SELECT d.comment_id FROM moderation_decision d WHERE d.action = 'reject'
                            AND NOT EXISTS (SELECT 1 FROM moderation_appeal a
                                            WHERE a.decision_id = d.id AND a.outcome = 'overturned'))""";
                    default -> throw new NotFoundException("There is no such queue.");
                };
        String order =
                switch (queue) {
                    case "held" -> "s.screened_at";
                    case "reported" -> "s.reported_at";
                    case "recent" -> "s.screened_at DESC";
                    default -> "s.decided_at DESC";
                };
        Map<String, Object> params = new HashMap<>();
        params.put("limit", QUEUE_SIZE);
        if (filter.article() != null) {
            where += " AND s.article_id = :article";
            params.put("article", filter.article());
        }
        if (filter.reader() != null) {
            where += " AND s.author_id = :reader";
            params.put("reader", filter.reader());
        }
        if (filter.step() != null) {
            where += " AND (s.step = :step OR :step = ANY (s.also_held_by))";
            params.put("step", filter.step());
        }
        if (filter.reason() != null) {
            where += " AND s.comment_id IN (SELECT comment_id FROM moderation_decision"
                    + " WHERE action = 'reject' AND reason = :reason)";
            params.put("reason", filter.reason());
        }
        List<Item> rows = db.sql(
                        "SELECT s.comment_id, s.step, s.reason, s.notes, s.screened_at FROM moderation_screening s WHERE "
                                + where + " ORDER BY " + order + " LIMIT :limit")
                .params(params)
                .query((rs, n) -> new Item(
                        new DiscussedComment(
                                rs.getLong("comment_id"), 0, 0, null, null, "", "", Instant.EPOCH, null, ""),
                        rs.getString("step"),
                        rs.getString("reason"),
                        List.of((String[]) rs.getArray("notes").getArray()),
                        rs.getTimestamp("screened_at").toInstant()))
                .list();
        Map<Long, DiscussedComment> comments = new HashMap<>();
        discussion
                .comments(rows.stream().map(row -> row.comment().id()).toList())
                .forEach(comment -> comments.put(comment.id(), comment));
        return rows.stream()
                .filter(row -> comments.containsKey(row.comment().id()))
                .map(row -> new Item(comments.get(row.comment().id()), row.step(), row.reason(), row.notes(), row.at()))
                .toList();
    }

    /** Publishes a held comment. */
    @Transactional
    public void approve(long commentId, long moderatorId) {
        claim(commentId, moderatorId);
        if (!discussion.approve(commentId)) {
            throw new ConflictException("This comment is no longer waiting: its author may have deleted it.");
        }
        audit.record(AuditLog.Subject.comment(commentId), moderatorId, "approve", "", "");
        DiscussedComment comment = discussion.comments(List.of(commentId)).getFirst();
        String headline = headlineOf(comment.articleId());
        events.publishEvent(new CommentApproved(
                commentId,
                comment.articleId(),
                headline,
                comment.authorId(),
                excerpt(comment.body()),
                clock.instant()));
    }

    /**
     * Keeps a reported comment that is still in the conversation: its reports are closed, and nobody is
     * told, since nothing changed for its readers or its author.
     */
    @Transactional
    public void keep(long commentId, long moderatorId) {
        DiscussedComment comment = discussion.comments(List.of(commentId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!comment.status().equals(DiscussedComment.PUBLISHED)) {
            throw new ConflictException("This comment is not in the conversation: approve or reject it instead.");
        }
        boolean reported = db.sql(
                        "SELECT EXISTS (SELECT 1 FROM moderation_screening WHERE comment_id = :comment AND reported_at IS NOT NULL)")
                .param("comment", commentId)
                .query(Boolean.class)
                .single();
        if (!reported) {
            throw new ConflictException(TAKEN);
        }
        claim(commentId, moderatorId);
        audit.record(AuditLog.Subject.comment(commentId), moderatorId, "keep", "", "");
    }

    /**
     * Removes a comment, held or published, telling its author why.
     *
     * @param reason one of {@link #REJECTION_REASONS}
     * @param note more, in the moderator's words, shown to the author too; may be empty
     * @return the decision, which its author may appeal
     */
    @Transactional
    public long reject(long commentId, long moderatorId, String reason, String note) {
        String label = REJECTION_REASONS.get(reason);
        if (label == null) {
            throw new RejectedException("The comment cannot be rejected", "reason", "Choose why it is rejected.");
        }
        String more = note.strip();
        if (more.length() > NOTE_MAX_LENGTH) {
            throw new RejectedException(
                    "The comment cannot be rejected", "note", "Keep the note to " + NOTE_MAX_LENGTH + " characters.");
        }
        claim(commentId, moderatorId);
        if (!discussion.reject(commentId, more.isEmpty() ? label : label + ": " + more)) {
            throw new ConflictException("This comment is already out of the conversation.");
        }
        long decision = audit.record(AuditLog.Subject.comment(commentId), moderatorId, "reject", reason, more);
        DiscussedComment comment = discussion.comments(List.of(commentId)).getFirst();
        mail.decided(
                comment.authorId(),
                rejection(
                        headlineOf(comment.articleId()),
                        reason,
                        more,
                        comment.body(),
                        neverPublished(comment, decision)));
        return decision;
    }

    /**
     * Whether the comment a rejection decided had never been published before it: held when posted (not
     * after readers' reports), never edited (an edit is of a published comment), and no earlier approval
     * or rejection of it (a rejected comment is published again only when an appeal overturns it).
     */
    boolean neverPublished(DiscussedComment comment, long rejection) {
        return comment.editedAt() == null
                && db.sql(
                                """
                                SELECT EXISTS (SELECT 1 FROM moderation_screening
                                               WHERE comment_id = :comment AND outcome = 'hold' AND step <> 'reports')
                                   AND NOT EXISTS (SELECT 1 FROM moderation_decision
                                                   WHERE comment_id = :comment AND id < :rejection
                                                     AND action IN ('approve', 'reject'))""")
                        .param("comment", comment.id())
                        .param("rejection", rejection)
                        .query(Boolean.class)
                        .single();
    }

    /**
     * The statement of reasons for a rejected comment, as its author is told it.
     *
     * @param neverPublished the comment was held when posted and nobody but its author ever saw it
     */
    static Statement rejection(String headline, String reason, String note, String text, boolean neverPublished) {
        String rule = RULE_OF_REASON.getOrDefault(reason, "civil");
        String label = REJECTION_REASONS.getOrDefault(reason, REJECTION_REASONS.get("other"));
        return new Statement(
                neverPublished
                        ? "A moderator decided not to publish your comment on “" + headline + "”: nobody else sees it."
                        : "A moderator removed your comment on “" + headline + "”: nobody else sees it now.",
                "",
                SanctionDesk.RULES.get(rule),
                rule,
                note.isEmpty() ? label : label + ": " + note,
                text,
                false);
    }

    String headlineOf(long articleId) {
        return content.commentSettings(articleId).map(CommentSettings::headline).orElse("");
    }

    private void claim(long commentId, long moderatorId) {
        int claimed = db.sql(
                        """
                        UPDATE moderation_screening SET decided_by = :moderator, decided_at = :at, reported_at = NULL
                        WHERE comment_id = :comment AND (decided_at IS NULL OR reported_at IS NOT NULL)""")
                .param("moderator", moderatorId)
                .param("at", Timestamp.from(clock.instant()))
                .param("comment", commentId)
                .update();
        if (claimed == 0) {
            boolean known = db.sql("SELECT EXISTS (SELECT 1 FROM moderation_screening WHERE comment_id = :comment)")
                    .param("comment", commentId)
                    .query(Boolean.class)
                    .single();
            if (!known) {
                throw new NotFoundException("There is no such comment.");
            }
            throw new ConflictException(TAKEN);
        }
    }

    private static Map<String, String> checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("new-reader", "A new reader's first comments");
        checks.put("suspect-words", "Suspect words");
        checks.put("links", "Too many links");
        checks.put("toxicity", "Toxicity");
        checks.put("sanctions", "A reader on pre-moderation");
        checks.put("reports", "Readers' reports");
        return java.util.Collections.unmodifiableMap(checks);
    }

    private static Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("spam", "Spam or advertising");
        reasons.put("abuse", "Abusive, hateful or threatening");
        reasons.put("harassment", "Harassing someone");
        reasons.put("off-topic", "Off topic");
        reasons.put("personal-information", "Shares someone's personal information");
        reasons.put("other", "Breaks our community standards");
        return java.util.Collections.unmodifiableMap(reasons);
    }
}
