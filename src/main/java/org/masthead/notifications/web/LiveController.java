package org.masthead.notifications.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.notifications.internal.LiveConnections;
import org.masthead.notifications.internal.LiveEvent;
import org.masthead.notifications.internal.UnreadCounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open pages, as server-sent events (see {@code static/js/live.js}): {@code comment}
 * for each new comment under the article named by {@code ?article=}, for everyone, and {@code unread}
 * with a signed-in reader's unread count, first when the page connects and whenever it changes. Each
 * event has an id; a browser that reconnects sends the last one it saw ({@code Last-Event-ID}) and is
 * sent what it missed.
 *
 * <p>Cheap on purpose, since every open page holds one: it looks nothing up about the article, and
 * touches the database once when it connects (twice for a reader, to count their unread notifications),
 * never per event.
 */
@Controller
class LiveController {

    private final LiveConnections connections;
    private final UnreadCounts unread;

    LiveController(LiveConnections connections, UnreadCounts unread) {
        this.connections = connections;
        this.unread = unread;
    }

    @GetMapping("/live")
    ResponseEntity<SseEmitter> live(
            @RequestParam(required = false) @Nullable Long article,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @AuthenticationPrincipal @Nullable SignedIn signedIn) {
        if (article != null && article <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "article must be an article's id");
        }
        Set<String> topics = new LinkedHashSet<>();
        if (article != null) {
            topics.add(LiveEvent.article(article));
        }
        if (signedIn != null) {
            topics.add(LiveEvent.account(signedIn.accountId()));
        }
        if (topics.isEmpty()) {
            // Nothing to follow: 204 tells EventSource not to try again.
            return ResponseEntity.noContent().build();
        }
        SseEmitter emitter = connections.open(
                topics,
                lastSeen(lastEventId),
                () -> signedIn == null ? List.of() : unread.current(signedIn.accountId()));
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                // Proxies such as nginx would otherwise hold events back to fill their buffers.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    private static @Nullable Long lastSeen(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            // Not an id we gave out: start afresh.
            return null;
        }
    }
}
