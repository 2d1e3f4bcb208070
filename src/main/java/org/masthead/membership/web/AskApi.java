package org.masthead.membership.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.Asks;
import org.springframework.http.CacheControl;
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

    @GetMapping("/asks/next")
    ResponseEntity<Map<String, Object>> next(
            @RequestParam(defaultValue = "0") long bucket, @AuthenticationPrincipal @Nullable SignedIn reader) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean member = reader != null
                && (membership.isSupporter(reader.accountId()) || membership.isPremium(reader.accountId()));
        body.put("show", false);
        if (!member) {
            asks.forBrowser(bucket).ifPresent(variant -> {
                asks.viewed(variant.code());
                body.put("show", true);
                body.put("variant", variant.code());
                body.put("headline", variant.headline());
                body.put("body", variant.body());
                body.put("button", variant.button());
                body.put("link", "/support?variant=" + variant.code());
            });
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }
}
