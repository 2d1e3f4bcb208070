package org.masthead.notifications.web;

import org.masthead.notifications.internal.NotificationUnsubscribe;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in every notification e-mail. Opening it asks for a click, so that mail scanners following
 * links unsubscribe nobody; mail programs' one-click unsubscribe (RFC 8058) posts to the same address
 * without a CSRF token, which the signed token in the address stands in for.
 */
@Controller
class NotificationUnsubscribeController {

    private static final String PAGE = "notifications/unsubscribe";

    private final NotificationUnsubscribe unsubscribe;

    NotificationUnsubscribeController(NotificationUnsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @GetMapping("/notifications/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", unsubscribe.isValid(token));
        return PAGE;
    }

    @PostMapping("/notifications/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean done = unsubscribe.turnOffMail(token);
        model.addAttribute("token", token);
        model.addAttribute("valid", done);
        model.addAttribute("unsubscribed", done);
        return PAGE;
    }
}
