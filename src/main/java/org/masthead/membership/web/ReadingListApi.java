package org.masthead.membership.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.ReadingList;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Save button's JSON. Article pages are cached and the same for everyone, so reading-list.js asks
 * {@code /reading-list/state} whether this reader has saved this article and may save at all, with the
 * CSRF token its changes need. Saving and removing are refused to anyone without Premium, whatever the
 * client sends: 403 with problem details that link to Premium.
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

    /** Whether the reader may save at all, and has saved this article; the CSRF token for changes. */
    record State(
            boolean signedIn,
            boolean premium,
            boolean saved,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CsrfHeader csrf) {}

    record Saved(boolean saved) {}

    @GetMapping("/state")
    ResponseEntity<State> state(
            @RequestParam long article,
            @AuthenticationPrincipal @Nullable SignedIn reader,
            HttpServletRequest request) {
        boolean premium = reader != null && membership.isPremium(reader.accountId());
        State body = new State(
                reader != null,
                premium,
                premium && readingList.isSaved(reader.accountId(), article),
                reader == null ? null : CsrfHeader.of(request));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(body);
    }

    @PostMapping("/{articleId}")
    Saved save(@PathVariable long articleId, @AuthenticationPrincipal @Nullable SignedIn reader) {
        readingList.save(member(reader), articleId);
        return new Saved(true);
    }

    @DeleteMapping("/{articleId}")
    Saved remove(@PathVariable long articleId, @AuthenticationPrincipal @Nullable SignedIn reader) {
        readingList.remove(member(reader), articleId);
        return new Saved(false);
    }

    private static long member(@Nullable SignedIn reader) {
        if (reader == null) {
            throw new NotAllowedException(
                            "Premium members only", "Subscribe to Premium to save articles to your reading list.")
                    .with("subscribe", "/premium");
        }
        return reader.accountId();
    }
}
