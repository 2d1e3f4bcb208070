package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.NotPremiumException;
import org.masthead.membership.internal.ReadingList;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Save button's JSON. Article pages are cached and the same for everyone, so reading-list.js asks
 * {@code /reading-list/state} whether this reader has saved this article and may save at all, with the
 * CSRF token its changes need. Saving and removing are refused to anyone without Premium, whatever the
 * client sends (see {@link MembershipProblems}).
 */
@RestController
@RequestMapping("/reading-list")
class ReadingListApi {

    private final Membership membership;
    private final ReadingList readingList;

    ReadingListApi(Membership membership, ReadingList readingList) {
        this.membership = membership;
        this.readingList = readingList;
    }

    @GetMapping("/state")
    ResponseEntity<Map<String, Object>> state(
            @RequestParam long article,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean premium = reader != null && membership.isPremium(reader.accountId());
        body.put("signedIn", reader != null);
        body.put("premium", premium);
        body.put("saved", premium && readingList.isSaved(reader.accountId(), article));
        if (reader != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            body.put("csrf", Map.of("header", token.getHeaderName(), "token", token.getToken()));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping("/{articleId}")
    Map<String, Object> save(@PathVariable long articleId, @AuthenticationPrincipal @Nullable SignedIn reader) {
        readingList.save(member(reader), articleId);
        return Map.of("saved", true);
    }

    @DeleteMapping("/{articleId}")
    Map<String, Object> remove(@PathVariable long articleId, @AuthenticationPrincipal @Nullable SignedIn reader) {
        readingList.remove(member(reader), articleId);
        return Map.of("saved", false);
    }

    private static long member(@Nullable SignedIn reader) {
        if (reader == null) {
            throw new NotPremiumException();
        }
        return reader.accountId();
    }
}
