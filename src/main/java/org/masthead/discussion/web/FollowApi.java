package org.masthead.discussion.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.MutedReaders;
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

/** Following readers, from their profile or any of their comments. */
@RestController
class FollowApi {

    /** Whether the reader asking is this one, follows them or muted them; the CSRF token for changing that. */
    record Relationship(
            boolean signedIn,
            boolean self,
            boolean following,
            boolean muted,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CsrfHeader csrf) {}

    private final Follows follows;
    private final ObjectProvider<MutedReaders> muted;

    FollowApi(Follows follows, ObjectProvider<MutedReaders> muted) {
        this.follows = follows;
        this.muted = muted;
    }

    /** Whether the reader asking follows this one, for the follow button on a cached profile. */
    @GetMapping(path = "/discussion/readers/{id:\\d{1,18}}/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Relationship> relationship(
            @PathVariable long id, @AuthenticationPrincipal @Nullable SignedIn signedIn, HttpServletRequest request) {
        follows.requireReader(id);
        Relationship body = new Relationship(
                signedIn != null,
                signedIn != null && signedIn.accountId() == id,
                signedIn != null && follows.follows(signedIn.accountId(), id),
                signedIn != null
                        && muted.getIfAvailable(() -> MutedReaders.NONE)
                                .mutedBy(signedIn.accountId())
                                .contains(id),
                signedIn == null ? null : CsrfHeader.of(request));
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
