package org.masthead.membership.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.Asks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ask under an article, for this reader: none for supporters and Premium members, else the
 * variant their browser's own random number picks. The article page stays the same for everyone;
 * ask.js fills the ask in from here. Serving an ask counts as its view.
 */
@RestController
class AskApi {

    private final Membership membership;
    private final Asks asks;

    AskApi(Membership membership, Asks asks) {
        this.membership = membership;
        this.asks = asks;
    }

    /** The ask to show, if any; everything but {@code show} is left out when there is none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ask(
            boolean show,
            @Nullable String variant,
            @Nullable String headline,
            @Nullable String body,
            @Nullable String button,
            @Nullable String link) {

        static final Ask NONE = new Ask(false, null, null, null, null, null);
    }

    @GetMapping("/asks/next")
    ResponseEntity<Ask> next(
            @RequestParam(defaultValue = "0") long bucket,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpMethod method) {
        boolean member = reader != null
                && (membership.isSupporter(reader.accountId()) || membership.isPremium(reader.accountId()));
        Ask body = member
                ? Ask.NONE
                : asks.forBrowser(bucket)
                        .map(variant -> {
                            // A HEAD is answered as its GET, but only the page's script, which sends GET, is a view.
                            if (method == HttpMethod.GET) {
                                asks.viewed(variant.code());
                            }
                            return new Ask(
                                    true,
                                    variant.code(),
                                    variant.headline(),
                                    variant.body(),
                                    variant.button(),
                                    "/support?variant=" + variant.code());
                        })
                        .orElse(Ask.NONE);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }
}
