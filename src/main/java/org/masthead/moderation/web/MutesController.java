package org.masthead.moderation.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.moderation.internal.Mutes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Muting readers: from a comment's menu or a profile (the page's script, answered 204), and the list in
 * the reader's settings, where each can be unmuted with a plain form.
 */
@Controller
class MutesController {

    private final Mutes mutes;
    private final Accounts accounts;

    MutesController(Mutes mutes, Accounts accounts) {
        this.mutes = mutes;
        this.accounts = accounts;
    }

    @GetMapping("/account/muted")
    String muted(@AuthenticationPrincipal SignedIn reader, Model model) {
        var muted = mutes.mutedBy(reader.accountId());
        Map<Long, String> names = accounts.publicReaders(muted).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displayName()));
        model.addAttribute("muted", muted);
        model.addAttribute("names", names);
        model.addAttribute("most", Mutes.MOST);
        return "moderation/muted";
    }

    @PostMapping(path = "/account/muted/{id:\\d{1,18}}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> mute(@PathVariable long id, @AuthenticationPrincipal SignedIn reader) {
        mutes.mute(reader.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/account/muted/{id:\\d{1,18}}/remove", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unmute(@PathVariable long id, @AuthenticationPrincipal SignedIn reader) {
        mutes.unmute(reader.accountId(), id);
        return ResponseEntity.noContent().build();
    }

    /** The settings page's own form, which works without a script. */
    @PostMapping("/account/muted/{id:\\d{1,18}}/remove")
    RedirectView unmuteFromSettings(
            @PathVariable long id, @AuthenticationPrincipal SignedIn reader, RedirectAttributes redirect) {
        mutes.unmute(reader.accountId(), id);
        redirect.addFlashAttribute("message", "Unmuted: you see their comments again.");
        RedirectView back = new RedirectView("/account/muted", true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return back;
    }
}
