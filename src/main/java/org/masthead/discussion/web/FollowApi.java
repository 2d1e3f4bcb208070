package org.masthead.discussion.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.MutedReaders;
import org.masthead.discussion.internal.Conversations;
import org.masthead.discussion.internal.Follows;
import org.masthead.platform.CsrfHeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following readers, from their profile or any of their comments; and what only the reader themselves sees
 * on their own profile.
 */
@RestController
class FollowApi {

    /**
     * Whether the reader asking is this one, follows them or muted them; the CSRF token for changing that.
     *
     * @param waiting for the reader looking at their own profile only, their comments that wait for a
     *     moderator: the cached profile is the same for everyone, so they come from here
     */
    record Relationship(
            boolean signedIn,
            boolean self,
            boolean following,
            boolean muted,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CsrfHeader csrf,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Conversations.WaitingComment> waiting) {}

    private final Follows follows;
    private final ObjectProvider<MutedReaders> muted;
    private final Conversations conversations;

    FollowApi(Follows follows, ObjectProvider<MutedReaders> muted, Conversations conversations) {
        this.follows = follows;
        this.muted = muted;
        this.conversations = conversations;
    }

    /** Whether the reader asking follows this one, for the follow button on a cached profile. */
    @GetMapping(path = "/discussion/readers/{id:\\d{1,18}}/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Relationship> relationship(
            @PathVariable long id, @AuthenticationPrincipal @Nullable SignedIn signedIn, HttpServletRequest request) {
        follows.requireReader(id);
        boolean self = signedIn != null && signedIn.accountId() == id;
        Relationship body = new Relationship(
                signedIn != null,
                self,
                signedIn != null && follows.follows(signedIn.accountId(), id),
                signedIn != null
                        && muted.getIfAvailable(() -> MutedReaders.NONE)
                                .mutedBy(signedIn.accountId())
                                .contains(id),
                signedIn == null ? null : CsrfHeader.of(request),
                self ? conversations.waitingBy(id) : List.of());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping("/discussion/readers/{id:\\d{1,18}}/follow")
    ResponseEntity<Void> follow(@PathVariable long id, @AuthenticationPrincipal SignedIn signedIn) {
        follows.follow(signedIn.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/discussion/readers/{id:\\d{1,18}}/unfollow")
    ResponseEntity<Void> unfollow(@PathVariable long id, @AuthenticationPrincipal SignedIn signedIn) {
        follows.unfollow(signedIn.accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
