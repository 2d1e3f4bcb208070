package org.masthead.notifications.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.Positive;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.notifications.NotificationsProperties;
import org.masthead.notifications.internal.GripPublisher;
import org.masthead.notifications.internal.GripSignature;
import org.masthead.notifications.internal.LiveConnections;
import org.masthead.notifications.internal.LiveEvent;
import org.masthead.notifications.internal.LiveTickets;
import org.masthead.notifications.internal.UnreadCounts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open pages, as server-sent events (see {@code static/js/live.js}): {@code comment}
 * for each new comment under the article named by {@code ?article=}, for everyone, and {@code unread}
 * with a signed-in reader's unread count, first when the page connects and whenever it changes. Each
 * event has an id; a browser that reconnects sends the last one it saw ({@code Last-Event-ID}) and is
 * sent what it missed. A page that closed its stream itself (its comments out of view, its tab hidden)
 * and opens a new one says the same with {@code ?lastEventId=}, since a new EventSource sends no header.
 *
 * <p>A reader's own events come with a ticket ({@code ?ticket=}, from {@code /live/ticket} when the
 * page loads) rather than the session, which the stream never uses: reconnecting every few minutes
 * must not count as activity that keeps a session alive (see {@link LiveTickets}). The ticket is good
 * only while the session that asked for it is signed in.
 *
 * <p>Behind a GRIP proxy (Pushpin, with {@code masthead.notifications.grip-publish-urls} set), a stream
 * that comes through the proxy (its {@code Grip-Sig} signed with the proxies' key, see {@link GripSignature})
 * is answered at once with what it starts with, and the proxy holds it open
 * on its topics' channels, to which {@link GripPublisher} publishes each event once: the node keeps no
 * connection, thread or memory per reader.
 *
 * <p>Cheap on purpose, since every open page holds one: it looks nothing up about the article, and
 * touches the database at most twice when it connects (for what a reconnecting page missed, and a
 * reader's unread count), never per event.
 */
@Controller
class LiveController {

    record Ticket(String ticket) {}

    /** How a GRIP proxy keeps an idle held stream open: the same comment line a node would send. */
    private static final String KEEP_ALIVE = ":\\n\\n; format=cstring; timeout=";

    private final LiveConnections connections;
    private final UnreadCounts unread;
    private final LiveTickets tickets;
    private final GripSignature gripSignature;
    private final String keepAlive;

    LiveController(
            LiveConnections connections,
            UnreadCounts unread,
            LiveTickets tickets,
            GripSignature gripSignature,
            NotificationsProperties properties) {
        this.connections = connections;
        this.unread = unread;
        this.tickets = tickets;
        this.gripSignature = gripSignature;
        this.keepAlive = KEEP_ALIVE + Math.max(1, properties.liveHeartbeat().toSeconds());
    }

    // @ResponseBody for the stream's closing dispatch: when the stream ends, the emitter's result is null,
    // and without it Spring would take the null for a model and render a view named after the address
    // into a response that is already the stream.
    @GetMapping("/live")
    @ResponseBody
    ResponseEntity<?> live(
            @RequestParam(required = false) @Positive(message = "article must be an article's id") @Nullable
                    Long article,
            @RequestParam(required = false) @Nullable String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdAgain,
            @RequestHeader(name = "Grip-Sig", required = false) @Nullable String throughGripProxy) {
        Set<String> topics = new LinkedHashSet<>();
        if (article != null) {
            topics.add(LiveEvent.article(article));
        }
        Optional<LiveTickets.Holder> reader = tickets.holderOf(ticket);
        reader.ifPresent(holder -> topics.add(LiveEvent.account(holder.accountId())));
        if (topics.isEmpty()) {
            // Nothing to follow: 204 tells EventSource not to try again.
            return ResponseEntity.noContent().build();
        }
        Long lastSeen = lastSeen(lastEventId != null ? lastEventId : lastEventIdAgain);
        Supplier<List<LiveEvent>> current =
                () -> reader.map(holder -> unread.current(holder.accountId())).orElse(List.of());
        if (gripSignature.isFromProxy(throughGripProxy)) {
            // The proxy holds the stream and relays what is published to its channels; this node is done.
            LiveConnections.HeldOpening opening = connections.openHeldStream(topics, lastSeen, current);
            Set<String> channels = new LinkedHashSet<>(topics);
            channels.add(opening.channel());
            reader.ifPresent(holder -> channels.add(GripPublisher.sessionChannel(holder.session())));
            return ResponseEntity.ok()
                    .header("Cache-Control", "no-store")
                    .header("Grip-Hold", "stream")
                    .header("Grip-Channel", String.join(", ", channels))
                    .header("Grip-Keep-Alive", keepAlive)
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .body(opening.text());
        }
        Optional<SseEmitter> emitter = connections.open(
                topics,
                lastSeen,
                current,
                reader.map(LiveTickets.Holder::session).orElse(null));
        if (emitter.isEmpty()) {
            // Full: the page tries again in a few seconds (live.js), by which time streams have ended here
            // or the load balancer has sent it to another node.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Cache-Control", "no-store")
                    .header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "This server holds as many live connections as it can; try again in a few seconds."));
        }
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                // Proxies such as nginx would otherwise hold events back to fill their buffers.
                .header("X-Accel-Buffering", "no")
                .body(emitter.get());
    }

    /** A ticket for this page's live connection to carry the reader's own events; asked once per page. */
    @GetMapping("/live/ticket")
    @ResponseBody
    ResponseEntity<Ticket> ticket(@AuthenticationPrincipal SignedIn signedIn, HttpSession session) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new Ticket(tickets.issue(signedIn.accountId(), session.getId())));
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
