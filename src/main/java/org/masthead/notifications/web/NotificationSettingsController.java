package org.masthead.notifications.web;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.notifications.internal.EmailChoice;
import org.masthead.notifications.internal.EmailPreferences;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a signed-in reader wants to hear of replies, mentions and news from what they follow by e-mail,
 * and whether commenting under an article follows its conversation.
 */
@Controller
class NotificationSettingsController {

    private static final String PAGE = "notifications/settings";

    private final EmailPreferences preferences;

    NotificationSettingsController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/account/notifications")
    String page(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        show(signedIn, model);
        return PAGE;
    }

    @PostMapping("/account/notifications")
    String choose(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) @Nullable String conversations,
            Model model,
            RedirectAttributes redirect) {
        EmailChoice choice;
        try {
            choice = EmailChoice.valueOf(email);
        } catch (IllegalArgumentException notAChoice) {
            show(signedIn, model);
            model.addAttribute("error", "Choose one of the options.");
            return PAGE;
        }
        // Absent from a form that does not offer it: the choice stays as it was.
        if (conversations != null && !conversations.equals("FOLLOW") && !conversations.equals("MANUAL")) {
            show(signedIn, model);
            model.addAttribute("error", "Choose whether commenting follows a conversation.");
            return PAGE;
        }
        preferences.choose(signedIn.accountId(), choice);
        if (conversations != null) {
            preferences.chooseFollowingConversationsOnComment(signedIn.accountId(), conversations.equals("FOLLOW"));
        }
        redirect.addFlashAttribute(
                "notice",
                switch (choice) {
                    case INSTANT ->
                        "We will e-mail you about each reply and mention, and gather news from what you follow.";
                    case DIGEST -> "We will e-mail you once a day about your notifications, if there were any.";
                    case OFF -> "We will not e-mail you about your notifications.";
                });
        return "redirect:/account/notifications";
    }

    private void show(SignedIn signedIn, Model model) {
        model.addAttribute("choice", preferences.choiceOf(signedIn.accountId()).name());
        model.addAttribute("followOnComment", preferences.followsConversationsOnComment(signedIn.accountId()));
    }
}
