package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.PublicPages;
import org.masthead.site.Links;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;

/**
 * Offline reading for Premium members: the service worker, the list of what it keeps, and the page it
 * shows for anything else while the reader is offline. How it works, and why it cannot hand one reader's
 * pages to another, is told in {@code sw.js} and docs/membership.md.
 */
@Controller
class OfflineReadingController {

    /** The newest saved articles the service worker keeps; more would fill a phone for little gain. */
    static final int KEPT = 100;

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final Membership membership;
    private final ReadingList readingList;
    private final PublishedContent content;
    private final Links links;
    private final PublicPages publicPages;
    private final byte[] worker;
    private final String workerTag;

    OfflineReadingController(
            Membership membership,
            ReadingList readingList,
            PublishedContent content,
            Links links,
            PublicPages publicPages) {
        this.membership = membership;
        this.readingList = readingList;
        this.content = content;
        this.links = links;
        this.publicPages = publicPages;
        this.worker = read("offline/sw.js");
        this.workerTag = "\"" + sha256(worker).substring(0, 32) + "\"";
    }

    /**
     * What the service worker keeps for this reader: nothing unless they are a signed-in Premium member.
     *
     * @param owner whose list this is, so that the worker drops one member's pages before keeping another's
     */
    record OfflineList(boolean member, @Nullable String owner, List<OfflineArticle> articles) {}

    record OfflineArticle(String path, String headline, Instant savedAt) {}

    /**
     * Served from the site's root so that its scope is the whole site. Browsers ask again for it at least
     * daily whatever the headers; {@code no-cache} makes them ask each time they check, so a fixed worker
     * reaches every member at their next visit (a 304 when it has not changed).
     */
    @GetMapping("/sw.js")
    ResponseEntity<byte[]> worker(WebRequest request) {
        if (request.checkNotModified(workerTag)) {
            return ResponseEntity.status(304).build();
        }
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .eTag(workerTag)
                .header("Service-Worker-Allowed", "/")
                .body(worker);
    }

    @GetMapping("/reading-list/offline")
    @ResponseBody
    ResponseEntity<OfflineList> list(@AuthenticationPrincipal @Nullable SignedIn reader) {
        OfflineList body = reader == null || !membership.isPremium(reader.accountId())
                ? new OfflineList(false, null, List.of())
                : new OfflineList(true, owner(reader.accountId()), articles(reader.accountId()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    /** The same for everyone: the worker keeps it and shows it in place of a page it does not have. */
    @GetMapping("/offline")
    String offline(HttpServletResponse response) {
        publicPages.mark(response, Instant.EPOCH, List.of("offline"));
        return "membership/offline";
    }

    private List<OfflineArticle> articles(long accountId) {
        List<ReadingList.Entry> entries = readingList.page(accountId, ReadingList.Query.all(), null, KEPT).stream()
                .filter(ReadingList.Entry::published)
                .toList();
        Map<Long, ArticleCard> cards =
                content.cards(entries.stream().map(ReadingList.Entry::articleId).toList()).stream()
                        .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        return entries.stream()
                .filter(e -> cards.containsKey(e.articleId()))
                .map(e -> {
                    ArticleCard card = cards.get(e.articleId());
                    return new OfflineArticle(links.article(card), card.headline(), e.savedAt());
                })
                .toList();
    }

    /** An opaque name for the member: the worker only compares it with the one it kept. */
    private static String owner(long accountId) {
        return sha256(("masthead-offline-owner:" + accountId).getBytes(StandardCharsets.UTF_8))
                .substring(0, 24);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
