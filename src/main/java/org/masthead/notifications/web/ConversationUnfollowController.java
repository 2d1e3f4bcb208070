package org.masthead.notifications.web;

import org.masthead.notifications.internal.ConversationFollows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "stop following this conversation" link in notification e-mails, which works without signing
 * in. Opening it asks for a click, so that mail scanners following links stop nothing; the click posts
 * without a CSRF token, which the signed token in the address stands in for.
 */
@Controller
class ConversationUnfollowController {

    private static final String PAGE = "notifications/conversation-unfollow";

    private final ConversationFollows conversations;

    ConversationUnfollowController(ConversationFollows conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/notifications/conversations/unfollow")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", conversations.isValid(token));
        return PAGE;
    }

    @PostMapping("/notifications/conversations/unfollow")
    String unfollow(@RequestParam(defaultValue = "") String token, Model model) {
        boolean valid = conversations.isValid(token);
        if (valid) {
            conversations.unfollow(token);
        }
        model.addAttribute("token", token);
        model.addAttribute("valid", valid);
        model.addAttribute("stopped", valid);
        return PAGE;
    }
}
