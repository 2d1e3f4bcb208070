package org.masthead.discovery.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.discovery.internal.TopicFollows;
import org.masthead.platform.CsrfHeader;
import org.masthead.platform.NotAllowedException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Follow button on topic and author pages. Those pages are cached and the same for everyone, so
 * follow.js asks {@code /follows/state} whether this reader follows the topic or author, with the CSRF
 * token its changes need; following and unfollowing are JSON requests with that token.
 */
@RestController
@RequestMapping("/follows")
class TopicFollowApi {

    private static final String KIND = "topic|author";
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final TopicFollows follows;

    TopicFollowApi(TopicFollows follows) {
        this.follows = follows;
    }

    /** Whether the reader is signed in and follows it; the CSRF token for changes. */
    record State(
            boolean signedIn,
            boolean following,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CsrfHeader csrf) {}

    record Following(boolean following) {}

    @GetMapping("/state/{kind}/{slug}")
    ResponseEntity<State> state(
            @PathVariable @Pattern(regexp = KIND, message = "Follow a topic or an author.") String kind,
            @PathVariable @Pattern(regexp = SLUG, message = "There is no such topic or author.") String slug,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpServletRequest request) {
        State body = reader == null
                ? new State(false, false, null)
                : new State(true, follows.follows(reader.accountId(), kindOf(kind), slug), CsrfHeader.of(request));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping("/{kind}/{slug}")
    Following follow(
            @PathVariable @Pattern(regexp = KIND, message = "Follow a topic or an author.") String kind,
            @PathVariable @Pattern(regexp = SLUG, message = "There is no such topic or author.") String slug,
            @AuthenticationPrincipal @Nullable SignedIn reader) {
        follows.follow(reader(reader), kindOf(kind), slug);
        return new Following(true);
    }

    @DeleteMapping("/{kind}/{slug}")
    Following unfollow(
            @PathVariable @Pattern(regexp = KIND, message = "Follow a topic or an author.") String kind,
            @PathVariable @Pattern(regexp = SLUG, message = "There is no such topic or author.") String slug,
            @AuthenticationPrincipal @Nullable SignedIn reader) {
        follows.unfollow(reader(reader), kindOf(kind), slug);
        return new Following(false);
    }

    private static TopicFollows.Kind kindOf(String kind) {
        return kind.equals("topic") ? TopicFollows.Kind.TOPIC : TopicFollows.Kind.AUTHOR;
    }

    private static long reader(@Nullable SignedIn reader) {
        if (reader == null) {
            throw new NotAllowedException("Signed-in readers only", "Sign in to follow topics and authors.");
        }
        return reader.accountId();
    }
}
