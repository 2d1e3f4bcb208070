package org.masthead.discussion.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.internal.Follows;
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

    private final Follows follows;

    FollowApi(Follows follows) {
        this.follows = follows;
    }

    /** Whether the reader asking follows this one, for the follow button on a cached profile. */
    @GetMapping(path = "/discussion/readers/{id:\\d{1,18}}/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> relationship(
            @PathVariable long id, @AuthenticationPrincipal @Nullable SignedIn signedIn, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedIn", signedIn != null);
        body.put("self", signedIn != null && signedIn.accountId() == id);
        body.put("following", signedIn != null && follows.follows(signedIn.accountId(), id));
        if (signedIn != null) {
            CommentApi.putCsrf(body, request);
        }
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
