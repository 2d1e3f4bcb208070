package org.masthead.discussion.web;

import org.masthead.accounts.SignedIn;
import org.masthead.discussion.internal.Conversations;
import org.masthead.discussion.internal.Cursor;
import org.masthead.platform.RejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What the readers I follow have written lately: a page for me alone, never cached. */
@Controller
class FollowingController {

    private final Conversations conversations;

    FollowingController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/following")
    String following(
            @AuthenticationPrincipal SignedIn signedIn, @RequestParam(defaultValue = "") String before, Model model) {
        Cursor cursor = before.isEmpty()
                ? null
                : Cursor.parse(before)
                        .orElseThrow(() -> new RejectedException("Bad request", "Not a position in the list."));
        model.addAttribute("page", conversations.following(signedIn.accountId(), cursor));
        model.addAttribute("followed", conversations.followedReaders(signedIn.accountId()));
        model.addAttribute("paged", cursor != null);
        return "discussion/following";
    }
}
