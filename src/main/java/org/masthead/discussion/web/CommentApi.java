package org.masthead.discussion.web;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.internal.Comments;
import org.masthead.discussion.internal.Comments.Posted;
import org.masthead.discussion.internal.Participation;
import org.masthead.platform.CsrfHeader;
import org.masthead.platform.RejectedException;
import org.masthead.platform.StaffAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Taking part in a conversation, from the page's script: JSON in, JSON out, each state-changing
 * request with the CSRF token that {@code /me} hands out (the cached page carries none).
 */
@RestController
class CommentApi {

    /** A new comment or reply. The key comes with the form, so that a retried submit posts once. */
    record NewComment(@Nullable String body, @Nullable Long inReplyTo, @Nullable String idempotencyKey) {}

    record ChangedComment(@Nullable String body) {}

    record Report(@Nullable String reason, @Nullable String detail) {}

    /**
     * @param held whether it waits for a moderator, seen by nobody else until approved
     * @param message what to tell its author, when there is something to tell
     * @param reason for a held one, why it waits, in words for its author (unknown to a retry)
     */
    record PostedComment(
            long id,
            long articleId,
            String permalink,
            boolean created,
            boolean held,
            @Nullable String message,
            @Nullable String reason) {}

    /** Who may pick comments as staff picks (moderation's rule for its pick routes; two factors there too). */
    static final List<Role> PICKERS = List.of(Role.MODERATOR, Role.EDITOR, Role.ADMIN);

    /**
     * The pick routes' own rule, role and both factors: staff signed in with a password alone are not
     * offered Pick, which would only send them to the second step.
     */
    private static final AuthorizationManager<RequestAuthorizationContext> MAY_PICK =
            StaffAccess.requiresAnyOf(PICKERS.stream().map(Role::name).toArray(String[]::new));

    static final String HELD_CHANGE_MESSAGE =
            "Your change is saved, and waits for a moderator: only you can see the comment until it is approved.";

    static final String HELD_MESSAGE =
            "Thank you. Your comment is waiting for a moderator: only you can see it until it is approved.";

    /**
     * What the reader asking may do in a conversation; what only a signed-in reader has is left out
     * for anyone else.
     */
    record Me(
            boolean signedIn,
            boolean canPost,
            @Nullable String reason,
            @Nullable String message,
            @Nullable Instant closesAt,
            @JsonInclude(NON_NULL) @Nullable Long accountId,
            @JsonInclude(NON_NULL) @Nullable String displayName,
            @JsonInclude(NON_NULL) @Nullable Boolean editor,
            @JsonInclude(NON_NULL) @Nullable Boolean canPick,
            @JsonInclude(NON_NULL) @Nullable Boolean verified,
            @JsonInclude(NON_NULL) @Nullable Boolean mayTakePart,
            @JsonInclude(NON_NULL) @Nullable List<Long> recommended,
            @JsonInclude(NON_NULL) @Nullable List<Long> mine,
            @JsonInclude(NON_NULL) @Nullable Map<Long, Instant> editableUntil,
            @JsonInclude(NON_NULL) @Nullable List<Long> following,
            @JsonInclude(NON_NULL) @Nullable List<Participation.Moderated> moderated,
            @JsonInclude(NON_NULL) @Nullable List<Long> muted,
            @JsonInclude(NON_NULL) @Nullable String idempotencyKey,
            @JsonInclude(NON_NULL) @Nullable CsrfHeader csrf) {

        static Me signedOut(Participation.State state) {
            return new Me(
                    false,
                    state.canPost(),
                    state.reason(),
                    state.message(),
                    state.closesAt(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        static Me signedIn(
                Participation.State state,
                SignedIn reader,
                boolean canPick,
                String idempotencyKey,
                @Nullable CsrfHeader csrf) {
            return new Me(
                    true,
                    state.canPost(),
                    state.reason(),
                    state.message(),
                    state.closesAt(),
                    reader.accountId(),
                    reader.displayName(),
                    reader.roles().contains(Role.EDITOR),
                    canPick,
                    state.verified(),
                    state.mayTakePart(),
                    state.recommended(),
                    state.mine(),
                    state.editableUntil(),
                    state.following(),
                    state.moderated(),
                    state.muted(),
                    idempotencyKey,
                    csrf);
        }
    }

    private final Comments comments;
    private final Participation participation;

    CommentApi(Comments comments, Participation participation) {
        this.comments = comments;
        this.participation = participation;
    }

    /**
     * Everything personal about the conversation under an article, for the reader asking: whether they
     * may post (and if not, why), what they recommend, whom they follow, what they may still change.
     */
    @GetMapping(path = "/discussion/{articleId:\\d{1,18}}/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Me> me(
            @PathVariable long articleId,
            @AuthenticationPrincipal @Nullable SignedIn signedIn,
            @Nullable Authentication authentication,
            HttpServletRequest request) {
        Participation.State state = participation.stateOf(articleId, signedIn == null ? null : signedIn.accountId());
        Me body = signedIn == null
                ? Me.signedOut(state)
                : Me.signedIn(
                        state,
                        signedIn,
                        mayPick(authentication, request),
                        UUID.randomUUID().toString(),
                        CsrfHeader.of(request));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping(
            path = "/discussion/{articleId:\\d{1,18}}/comments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PostedComment> post(
            @PathVariable long articleId, @AuthenticationPrincipal SignedIn signedIn, @RequestBody NewComment comment) {
        UUID key = idempotencyKey(comment.idempotencyKey());
        Posted posted = comments.post(
                signedIn.accountId(),
                articleId,
                comment.body() == null ? "" : comment.body(),
                comment.inReplyTo(),
                key);
        PostedComment body = new PostedComment(
                posted.commentId(),
                posted.articleId(),
                "/comment/" + posted.commentId(),
                posted.created(),
                posted.held(),
                posted.held() ? HELD_MESSAGE : null,
                posted.heldBecause());
        return posted.created()
                ? ResponseEntity.created(URI.create(body.permalink())).body(body)
                : ResponseEntity.ok(body);
    }

    /**
     * A change held for a moderator: its author is told at once, and why, since the comment has left the
     * conversation. A change published as it is has nothing to tell (204).
     */
    record HeldChange(long id, boolean held, String message, String reason) {}

    @PostMapping(path = "/discussion/comments/{id:\\d{1,18}}/edit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HeldChange> edit(
            @PathVariable long id, @AuthenticationPrincipal SignedIn signedIn, @RequestBody ChangedComment change) {
        Comments.Edited edited = comments.edit(signedIn.accountId(), id, change.body() == null ? "" : change.body());
        if (!edited.held()) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(
                new HeldChange(id, true, HELD_CHANGE_MESSAGE, Objects.requireNonNull(edited.reason())));
    }

    @PostMapping("/discussion/comments/{id:\\d{1,18}}/delete")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SignedIn signedIn) {
        comments.delete(signedIn.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/discussion/comments/{id:\\d{1,18}}/recommend")
    ResponseEntity<Void> recommend(@PathVariable long id, @AuthenticationPrincipal SignedIn signedIn) {
        comments.recommend(signedIn.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/discussion/comments/{id:\\d{1,18}}/unrecommend")
    ResponseEntity<Void> unrecommend(@PathVariable long id, @AuthenticationPrincipal SignedIn signedIn) {
        comments.withdrawRecommendation(signedIn.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/discussion/comments/{id:\\d{1,18}}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> report(
            @PathVariable long id, @AuthenticationPrincipal SignedIn signedIn, @RequestBody Report report) {
        comments.report(
                signedIn.accountId(),
                id,
                report.reason() == null ? "" : report.reason(),
                report.detail() == null ? "" : report.detail());
        return ResponseEntity.noContent().build();
    }

    private static boolean mayPick(@Nullable Authentication authentication, HttpServletRequest request) {
        AuthorizationResult result = MAY_PICK.authorize(() -> authentication, new RequestAuthorizationContext(request));
        return result != null && result.isGranted();
    }

    private static UUID idempotencyKey(@Nullable String text) {
        try {
            if (text != null) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw new RejectedException(
                Comments.REJECTED, "idempotencyKey", "The form is missing its key. Reload the page and try again.");
    }
}
