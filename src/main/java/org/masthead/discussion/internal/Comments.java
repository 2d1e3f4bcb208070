package org.masthead.discussion.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.discussion.CommentChanged;
import org.masthead.discussion.CommentPicked;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.CommentRecommended;
import org.masthead.discussion.CommentReported;
import org.masthead.discussion.CommentScreening;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.masthead.discussion.DiscussionProperties;
import org.masthead.discussion.ReaderStanding;
import org.masthead.discussion.internal.CommentRepository.CommentRow;
import org.masthead.discussion.internal.MentionRepository.Mention;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RateLimit;
import org.masthead.platform.RateLimitProperties;
import org.masthead.platform.RateLimits;
import org.masthead.platform.RejectedException;
import org.masthead.platform.TooManyRequestsException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Readers taking part in a conversation: posting, changing and deleting their comments,
 * recommending and reporting others'. Each rule broken is a named exception that changes nothing.
 */
@Service
public class Comments {

    /**
     * New comments and replies from one reader: a burst of ten, then one a minute. Set with {@code
     * masthead.rate-limits.comments-per-reader.capacity} and {@code .period}.
     */
    public static final RateLimit COMMENTS_PER_READER = RateLimit.of("comments-per-reader", 10, Duration.ofMinutes(10));

    /** The reasons a reader may give for reporting a comment, with the words the form shows. */
    public static final List<ReportReason> REPORT_REASONS = List.of(
            new ReportReason("spam", "Spam or advertising"),
            new ReportReason("abuse", "Abusive, hateful or threatening"),
            new ReportReason("harassment", "Harassing someone"),
            new ReportReason("off-topic", "Off topic"),
            new ReportReason("personal-information", "Shares someone's personal information"),
            new ReportReason("other", "Something else"));

    /** The words for a report's reason code; an unknown (retired) code is shown as it was stored. */
    public static String reportReasonLabel(String code) {
        return REPORT_REASONS.stream()
                .filter(reason -> reason.code().equals(code))
                .map(ReportReason::label)
                .findFirst()
                .orElse(code);
    }

    public static final int REPORT_DETAIL_MAX_LENGTH = 1000;

    /** The title of every refusal of what a reader wrote or chose. */
    public static final String REJECTED = "The comment cannot be taken as it is";

    private static final int EXCERPT_LENGTH = 200;

    public record ReportReason(String code, String label) {}

    /**
     * A posted comment, whether this request made it (false: a retry found the one it made before), and
     * whether it waits for a moderator.
     *
     * @param heldBecause for one this request made and screening held, why, in words for its author
     */
    public record Posted(long commentId, long articleId, boolean created, boolean held, @Nullable String heldBecause) {}

    private final CommentRepository comments;
    private final MentionRepository mentions;
    private final RecommendationRepository recommendations;
    private final ReportRepository reports;
    private final PickRepository picks;
    private final ThreadCounts threadCounts;
    private final PublishedContent content;
    private final Accounts accounts;
    private final RateLimits rateLimits;
    private final RateLimitProperties rateLimitProperties;
    private final DiscussionProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    /** Found once, on the first post: looking it up in the context for each post was 0.6% of posting's CPU. */
    private final SingletonSupplier<CommentScreening> screening;

    private final Clock clock;

    Comments(
            CommentRepository comments,
            MentionRepository mentions,
            RecommendationRepository recommendations,
            ReportRepository reports,
            PickRepository picks,
            ThreadCounts threadCounts,
            PublishedContent content,
            Accounts accounts,
            RateLimits rateLimits,
            RateLimitProperties rateLimitProperties,
            DiscussionProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            ObjectProvider<CommentScreening> screening,
            Clock clock) {
        this.comments = comments;
        this.mentions = mentions;
        this.recommendations = recommendations;
        this.reports = reports;
        this.picks = picks;
        this.threadCounts = threadCounts;
        this.content = content;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.rateLimitProperties = rateLimitProperties;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.screening = SingletonSupplier.of(() -> screening.getIfAvailable(() -> CommentScreening.NONE));
        this.clock = clock;
    }

    /**
     * Posts a comment, or a reply to a comment under the same article. A second request with the same
     * key finds the comment the first one made, and changes nothing. Screening decides whether it is
     * published, held for a moderator or refused.
     */
    public Posted post(long authorId, long articleId, String text, @Nullable Long inReplyToId, UUID key) {
        // The allowance is taken before the posting transaction opens, never inside it: the buckets are
        // rows that Bucket4j reads through a connection of its own, and a request holding two pooled
        // connections at once starves the pool as soon as a burst of posts outnumbers it.
        RateLimit limit = rateLimitProperties.effective(COMMENTS_PER_READER);
        String reader = "account:" + authorId;
        RateLimits.Outcome allowed = rateLimits.tryConsume(limit, reader);
        if (!allowed.allowed()) {
            throw new TooManyRequestsException(
                    "Too many comments",
                    "You are posting faster than we allow. Please wait %d seconds and try again."
                            .formatted(allowed.retryAfterSeconds()),
                    Duration.ofSeconds(allowed.retryAfterSeconds()));
        }
        Posted posted;
        try {
            // Screened before the transaction too, for the same reason: a checker may take tens of
            // milliseconds, and no connection should wait on it. A retried form is not screened again.
            Optional<CommentRow> earlier = comments.byIdempotencyKey(authorId, key);
            if (earlier.isPresent()) {
                posted = retried(earlier.get(), articleId);
            } else {
                posted = screenedAndPosted(
                        new CommentSubmission(authorId, articleId, null, CommentText.normalise(text)),
                        text,
                        inReplyToId,
                        key);
            }
        } catch (RuntimeException refused) {
            rateLimits.giveBack(limit, reader);
            throw refused;
        }
        if (posted == null || !posted.created()) {
            rateLimits.giveBack(limit, reader);
        }
        return Objects.requireNonNull(posted);
    }

    /**
     * The checks that need no lock (the article takes comments, the reader may post, the text is one we
     * take) run while the screening's remote scorer thinks, each statement on its own (at read committed
     * a transaction would see nothing else); only what must commit together waits for its verdict.
     */
    private @Nullable Posted screenedAndPosted(
            CommentSubmission submission, String text, @Nullable Long inReplyToId, UUID key) {
        try (CommentScreening.Screening screening = beginScreening(submission)) {
            CommentSettings article = content.commentSettings(submission.articleId())
                    .orElseThrow(() -> new NotFoundException("There is no such article."));
            requireVerified(submission.authorId());
            if (!isOpen(article)) {
                throw new ConflictException("Comments are closed", "Comments on this article are closed.");
            }
            String body = validBody(text);
            CommentVerdict verdict = screening.verdict();
            return transactions.execute(
                    status -> postInTransaction(submission, article, body, inReplyToId, key, verdict));
        }
    }

    private Posted postInTransaction(
            CommentSubmission submission,
            CommentSettings article,
            String body,
            @Nullable Long inReplyToId,
            UUID key,
            CommentVerdict verdict) {
        long authorId = submission.authorId();
        long articleId = submission.articleId();
        CommentRow answered = null;
        if (inReplyToId != null) {
            answered = comments.lock(inReplyToId)
                    .orElseThrow(() -> new NotFoundException("The comment you are replying to does not exist."));
            if (answered.articleId() != articleId) {
                throw new RejectedException(REJECTED, "inReplyTo", "That comment is under another article.");
            }
            if (answered.status().equals(CommentRepository.DELETED)) {
                throw new ConflictException("The comment you are replying to has been deleted.");
            }
            if (!answered.published()) {
                // Held or rejected: as for a recommendation, nobody else learns that it exists.
                throw new NotFoundException("The comment you are replying to does not exist.");
            }
        }
        refuseIf(verdict);
        Instant now = clock.instant();
        Long parentId = answered == null ? null : answered.threadId();
        String status = verdict.held() ? CommentRepository.PENDING : CommentRepository.PUBLISHED;
        Optional<Long> inserted = comments.insert(articleId, authorId, parentId, inReplyToId, body, status, key, now);
        if (inserted.isEmpty()) {
            // The same form was submitted twice at once (a retry is found before screening, in post); the
            // other request made the comment.
            return retried(comments.byIdempotencyKey(authorId, key).orElseThrow(), articleId);
        }
        long id = inserted.get();
        List<Mention> named = mentionsIn(body);
        if (!named.isEmpty()) {
            mentions.replaceMentions(id, named);
        }
        screening().screened(id, submission, verdict);
        if (verdict.held()) {
            // Nobody but its author and the moderators sees it, so nothing else changes until it is approved.
            return new Posted(id, articleId, true, true, verdict.toAuthor());
        }
        CommentRow stored = new CommentRow(
                id, articleId, authorId, parentId, inReplyToId, body, CommentRepository.PUBLISHED, 0, 0, now, null);
        publishNew(stored, answered, named.stream().map(Mention::accountId).toList(), article.headline());
        return new Posted(id, articleId, true, false, null);
    }

    /**
     * Makes a stored comment part of the conversation: counters, and the event that notifies and pushes
     * it.
     *
     * @param answered the comment it replies to, locked; null for a top-level comment
     */
    private void publishNew(
            CommentRow comment, @Nullable CommentRow answered, Collection<Long> mentionedIds, String headline) {
        if (answered != null) {
            comments.adjustReplyCount(answered.threadId(), 1);
            if (!answered.topLevel()) {
                comments.adjustReplyCount(answered.id(), 1);
            }
        }
        Set<Long> mentioned = mentionedIds.stream()
                .filter(accountId -> accountId != comment.authorId())
                .collect(Collectors.toCollection(HashSet::new));
        events.publishEvent(new CommentPosted(
                comment.id(),
                comment.articleId(),
                headline,
                comment.authorId(),
                comment.parentId(),
                comment.inReplyToId(),
                answered == null ? null : answered.authorId(),
                Set.copyOf(mentioned),
                CommentText.excerpt(comment.body(), EXCERPT_LENGTH),
                comment.postedAt()));
        events.publishEvent(ThreadChanged.of(comment.articleId(), comment.authorId()));
        threadCounts.change(comment.articleId(), 1);
    }

    /**
     * Changes the text of the reader's own comment, within the edit window after posting it. The new
     * text is screened like a new comment: held, the comment leaves the conversation until a moderator
     * approves it.
     */
    public Edited edit(long authorId, long commentId, String text) {
        CommentRow before =
                comments.byId(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        CommentSubmission submission =
                new CommentSubmission(authorId, before.articleId(), commentId, CommentText.normalise(text));
        CommentVerdict verdict = before.authorId() == authorId ? screen(submission) : CommentVerdict.published();
        transactions.executeWithoutResult(status -> editInTransaction(submission, text, verdict));
        return verdict.held() ? new Edited(true, verdict.toAuthor()) : new Edited(false, null);
    }

    /**
     * How a change turned out for its author.
     *
     * @param held whether the changed comment waits for a moderator, out of the conversation meanwhile
     * @param reason for a held one, why, in words for its author
     */
    public record Edited(boolean held, @Nullable String reason) {}

    private void editInTransaction(CommentSubmission submission, String text, CommentVerdict verdict) {
        long authorId = submission.authorId();
        long commentId = Objects.requireNonNull(submission.commentId());
        CommentRow comment = ownPublished(authorId, commentId, "change");
        if (!clock.instant().isBefore(editableUntil(comment))) {
            throw new ConflictException("Comments can only be changed in the first "
                    + properties.editWindow().toMinutes() + " minutes after posting.");
        }
        String body = validBody(text);
        refuseIf(verdict);
        Instant now = clock.instant();
        comments.changeBody(commentId, body, now);
        mentions.replaceMentions(commentId, mentionsIn(body));
        screening().screened(commentId, submission, verdict);
        if (verdict.held()) {
            withdraw(comment, CommentRepository.PENDING, now);
            return;
        }
        events.publishEvent(ThreadChanged.of(comment.articleId(), authorId));
        events.publishEvent(new CommentChanged(commentId, comment.articleId(), now));
    }

    /**
     * Deletes the reader's own comment. With replies that answer it, it stays as a tombstone so the
     * thread still reads; without, it is gone from the conversation.
     */
    @Transactional
    public void delete(long authorId, long commentId) {
        CommentRow comment = ownPublished(authorId, commentId, "delete");
        withdraw(comment, CommentRepository.DELETED, clock.instant());
    }

    /**
     * Takes a published comment out of the conversation, as deleted, held or rejected: its counters, and
     * word to every page showing it.
     */
    private void withdraw(CommentRow comment, String status, Instant now) {
        comments.changeStatus(comment.id(), status);
        threadCounts.change(comment.articleId(), -1);
        if (comment.parentId() != null) {
            comments.adjustReplyCount(comment.parentId(), -1);
            Long answered = comment.inReplyToId();
            if (answered != null && !answered.equals(comment.parentId())) {
                comments.adjustReplyCount(answered, -1);
            }
        }
        events.publishEvent(ThreadChanged.of(comment.articleId(), comment.authorId()));
        events.publishEvent(new CommentChanged(comment.id(), comment.articleId(), now));
    }

    /**
     * A moderator approves a comment held for review: it joins the conversation where its time puts
     * it, and everyone it concerns is told, as if it had been published when posted.
     *
     * @return false when it was no longer held (someone decided first, or its author deleted it)
     */
    @Transactional
    public boolean approve(long commentId) {
        return publishAgain(commentId, CommentRepository.PENDING);
    }

    /**
     * A moderator overturns the rejection of a comment on appeal: it returns to the conversation where
     * its time puts it, as an approved comment does, and no longer carries the moderator's reason.
     *
     * @return false when it was not rejected any more
     */
    @Transactional
    public boolean reinstate(long commentId) {
        return publishAgain(commentId, CommentRepository.REJECTED);
    }

    private boolean publishAgain(long commentId, String from) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!comment.status().equals(from)) {
            return false;
        }
        CommentRow answered = null;
        if (comment.inReplyToId() != null) {
            answered = comments.lock(comment.inReplyToId()).orElseThrow();
            if (!answered.published()) {
                throw new ConflictException(
                        "The comment it replies to is no longer published, so this reply cannot be published either.");
            }
        }
        comments.changeStatus(commentId, CommentRepository.PUBLISHED);
        comments.noteModeration(commentId, null);
        String headline = content.commentSettings(comment.articleId())
                .map(CommentSettings::headline)
                .orElse("");
        List<Long> mentioned = mentions.mentionsOf(List.of(commentId)).getOrDefault(commentId, List.of()).stream()
                .map(Mention::accountId)
                .toList();
        publishNew(comment, answered, mentioned, headline);
        return true;
    }

    /**
     * A moderator removes a comment, published or held: it leaves the conversation on every node at
     * once, and its author sees it marked removed, with the reason.
     *
     * @return false when it was already removed or deleted
     */
    @Transactional
    public boolean reject(long commentId, String reasonForAuthor) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        comments.noteModeration(commentId, reasonForAuthor);
        if (comment.published()) {
            withdraw(comment, CommentRepository.REJECTED, clock.instant());
            return true;
        }
        if (!comment.status().equals(CommentRepository.PENDING)) {
            return false;
        }
        comments.changeStatus(commentId, CommentRepository.REJECTED);
        events.publishEvent(ThreadChanged.of(comment.articleId(), comment.authorId()));
        events.publishEvent(new CommentChanged(commentId, comment.articleId(), clock.instant()));
        return true;
    }

    /**
     * Takes a published comment out of the conversation until a moderator decides on it, as when
     * enough readers report it.
     *
     * @return false when it was not published
     */
    @Transactional
    public boolean hold(long commentId) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!comment.published()) {
            return false;
        }
        withdraw(comment, CommentRepository.PENDING, clock.instant());
        return true;
    }

    /**
     * A moderator or an editor picks a published comment: it is marked on every node at once (the
     * conversation's fragments are evicted and pages get the live {@code comment-changed} event), and
     * {@link CommentPicked} is published.
     *
     * @return false when it was picked already, which changes nothing
     */
    @Transactional
    public boolean pick(long commentId) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!comment.published()) {
            throw new ConflictException("Only a published comment can be a staff pick.");
        }
        Instant now = clock.instant();
        if (!picks.pick(commentId, comment.articleId(), now)) {
            return false;
        }
        pickChanged(comment, now);
        events.publishEvent(new CommentPicked(commentId, comment.articleId(), comment.authorId(), now));
        return true;
    }

    /**
     * Takes a comment off the staff picks, on every node at once.
     *
     * @return false when it was not picked, which changes nothing
     */
    @Transactional
    public boolean unpick(long commentId) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!picks.unpick(commentId)) {
            return false;
        }
        pickChanged(comment, clock.instant());
        return true;
    }

    /** Which of these comments are staff picks. */
    @Transactional(readOnly = true)
    public Set<Long> picked(Collection<Long> commentIds) {
        return picks.pickedAmong(commentIds);
    }

    private void pickChanged(CommentRow comment, Instant now) {
        events.publishEvent(ThreadChanged.of(comment.articleId(), comment.authorId()));
        events.publishEvent(new CommentChanged(comment.id(), comment.articleId(), now));
    }

    /**
     * How many published comments the author has, counting no further than {@code atMost}. One statement,
     * so no transaction: it runs as every comment is screened, where a COMMIT would be one more round trip.
     */
    public int publishedCount(long authorId, int atMost) {
        return comments.publishedCount(authorId, atMost);
    }

    /** Recommends someone else's comment, once. */
    @Transactional
    public void recommend(long readerId, long commentId) {
        CommentRow comment = published(commentId);
        requireMayTakePart(readerId);
        if (comment.authorId() == readerId) {
            throw new NotAllowedException("You cannot recommend your own comment.");
        }
        Instant now = clock.instant();
        if (!recommendations.recommend(commentId, readerId, now)) {
            throw new ConflictException("You already recommend this comment.");
        }
        comments.adjustRecommendations(commentId, 1);
        String headline = content.commentSettings(comment.articleId())
                .map(CommentSettings::headline)
                .orElse("");
        events.publishEvent(
                new CommentRecommended(commentId, comment.articleId(), headline, comment.authorId(), readerId, now));
        events.publishEvent(new ThreadChanged(Set.of(comment.articleId()), Set.of()));
    }

    /** Takes back a recommendation. */
    @Transactional
    public void withdrawRecommendation(long readerId, long commentId) {
        CommentRow comment =
                comments.lock(commentId).orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (!recommendations.withdrawRecommendation(commentId, readerId)) {
            throw new ConflictException("You do not recommend this comment.");
        }
        comments.adjustRecommendations(commentId, -1);
        events.publishEvent(new ThreadChanged(Set.of(comment.articleId()), Set.of()));
    }

    /** Reports a comment to the moderators, once per reader. */
    @Transactional
    public void report(long readerId, long commentId, String reason, String detail) {
        CommentRow comment = published(commentId);
        requireMayTakePart(readerId);
        if (comment.authorId() == readerId) {
            throw new NotAllowedException("You cannot report your own comment: edit or delete it instead.");
        }
        if (REPORT_REASONS.stream().noneMatch(r -> r.code().equals(reason))) {
            throw new RejectedException(REJECTED, "reason", "Choose why you are reporting this comment.");
        }
        String note = CommentText.normalise(detail);
        if (note.codePointCount(0, note.length()) > REPORT_DETAIL_MAX_LENGTH) {
            throw new RejectedException(
                    REJECTED, "detail", "Keep the detail to " + REPORT_DETAIL_MAX_LENGTH + " characters or fewer.");
        }
        if (!note.isEmpty()) {
            CommentText.problemWith(note).ifPresent(problem -> {
                throw new RejectedException(REJECTED, "detail", problem.replace("comment", "detail"));
            });
        }
        Instant now = clock.instant();
        if (!reports.report(comment.id(), readerId, reason, note, now)) {
            throw new ConflictException(
                    "You have already reported this comment. Thank you: moderators will look at it.");
        }
        events.publishEvent(new CommentReported(
                comment.id(),
                comment.articleId(),
                comment.authorId(),
                readerId,
                reason,
                note,
                reports.reporters(comment.id()),
                now));
    }

    /** Until when the author may change this comment. */
    Instant editableUntil(CommentRow comment) {
        return comment.postedAt().plus(properties.editWindow());
    }

    /** Whether the article takes comments now. */
    public boolean isOpen(CommentSettings article) {
        Instant closes = article.closeAt();
        return article.enabled() && (closes == null || clock.instant().isBefore(closes));
    }

    private Posted retried(CommentRow earlier, long articleId) {
        if (earlier.articleId() != articleId) {
            throw new ConflictException("This form was already used for a comment under another article.");
        }
        return new Posted(
                earlier.id(), earlier.articleId(), false, earlier.status().equals(CommentRepository.PENDING), null);
    }

    private CommentRow published(long commentId) {
        return comments.lock(commentId)
                .filter(CommentRow::published)
                .orElseThrow(() -> new NotFoundException("There is no such comment."));
    }

    private CommentRow ownPublished(long authorId, long commentId, String verb) {
        CommentRow comment = comments.lock(commentId)
                .filter(row -> row.published() || row.status().equals(CommentRepository.DELETED))
                .orElseThrow(() -> new NotFoundException("There is no such comment."));
        if (comment.authorId() != authorId) {
            throw new NotAllowedException("You can only " + verb + " your own comments.");
        }
        if (!comment.published()) {
            throw new ConflictException("This comment has been deleted.");
        }
        return comment;
    }

    private void requireVerified(long accountId) {
        if (!accounts.isVerified(accountId)) {
            throw new NotAllowedException("Confirm your e-mail address before you take part: follow the link we sent"
                    + " you, or ask for a new one on your account page.");
        }
    }

    /**
     * A reader whom a sanction keeps from posting (suspended, banned) is kept from recommending and
     * reporting too, told the same as when they post: otherwise a banned account could still push
     * comments up, or take other readers' comments out of the conversation with its reports.
     */
    private void requireMayTakePart(long accountId) {
        requireVerified(accountId);
        ReaderStanding standing = screening().standing(accountId);
        if (!standing.mayPost()) {
            throw new NotAllowedException(Objects.requireNonNullElse(
                    standing.notice(), "A moderator's sanction keeps you from taking part for now."));
        }
    }

    private CommentVerdict screen(CommentSubmission submission) {
        try (CommentScreening.Screening screening = beginScreening(submission)) {
            return screening.verdict();
        }
    }

    private CommentScreening.Screening beginScreening(CommentSubmission submission) {
        // A text we do not take is refused with the reason, whatever screening would say: nothing is asked.
        return CommentText.problemWith(submission.body()).isPresent()
                ? CommentScreening.NONE.begin(submission)
                : screening().begin(submission);
    }

    private CommentScreening screening() {
        return screening.obtain();
    }

    private static void refuseIf(CommentVerdict verdict) {
        if (verdict.refused()) {
            throw new RejectedException(REJECTED, "body", verdict.reason());
        }
    }

    private static String validBody(String text) {
        String body = CommentText.normalise(text);
        CommentText.problemWith(body).ifPresent(problem -> {
            throw new RejectedException(REJECTED, "body", problem);
        });
        return body;
    }

    private List<Mention> mentionsIn(String body) {
        Set<String> candidates = CommentText.mentionCandidates(body);
        return candidates.isEmpty() ? List.of() : CommentText.mentions(body, accounts.activeAccountsNamed(candidates));
    }
}
