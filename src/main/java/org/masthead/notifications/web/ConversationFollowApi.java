package org.masthead.notifications.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.PublishedContent;
import org.masthead.notifications.internal.ConversationFollows;
import org.masthead.platform.CsrfHeader;
import org.masthead.platform.NotFoundException;
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
 * The "Follow this conversation" toggle under an article's comments (conversation-follow.js). The
 * article page is the same for everyone, so the script asks whether this reader follows the
 * conversation, with the CSRF token its changes need; following and stopping are JSON requests with
 * that token.
 */
@RestController
@RequestMapping("/notifications/conversations")
class ConversationFollowApi {

    private static final String ARTICLE = "{articleId:\\d{1,18}}";

    /** Whether the reader is signed in and follows the conversation; the CSRF token for changes. */
    record State(
            boolean signedIn,
            boolean following,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CsrfHeader csrf) {}

    record Following(boolean following) {}

    private final ConversationFollows conversations;
    private final PublishedContent content;

    ConversationFollowApi(ConversationFollows conversations, PublishedContent content) {
        this.conversations = conversations;
        this.content = content;
    }

    @GetMapping("/" + ARTICLE)
    ResponseEntity<State> state(
            @PathVariable long articleId,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpServletRequest request) {
        State body = reader == null
                ? new State(false, false, null)
                : new State(true, conversations.follows(reader.accountId(), articleId), CsrfHeader.of(request));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping("/" + ARTICLE)
    Following follow(@PathVariable long articleId, @AuthenticationPrincipal SignedIn reader) {
        if (content.commentSettings(articleId).isEmpty()) {
            throw new NotFoundException("There is no such article.");
        }
        conversations.follow(reader.accountId(), articleId);
        return new Following(true);
    }

    @DeleteMapping("/" + ARTICLE)
    Following unfollow(@PathVariable long articleId, @AuthenticationPrincipal SignedIn reader) {
        conversations.unfollow(reader.accountId(), articleId);
        return new Following(false);
    }
}
