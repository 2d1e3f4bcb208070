package org.masthead.notifications.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.notifications.internal.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A reader's notifications, newest first. Opening one is a form post (it marks it read, a change, so
 * it is CSRF-protected like every other) answered with 303 to the comment it is about.
 */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        Notifications.Page page = notifications.page(signedIn.accountId(), Optional.ofNullable(after));
        model.addAttribute("page", page);
        model.addAttribute("first", after == null);
        model.addAttribute("unread", notifications.unreadCount(signedIn.accountId()));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/open")
    RedirectView open(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id) {
        return seeOther(notifications.open(signedIn.accountId(), id));
    }

    /** "Stop following this conversation", offered on a notification about one. */
    @PostMapping("/notifications/{id:\\d{1,18}}/unfollow")
    RedirectView stopFollowing(
            @AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        Notifications.Unfollowed unfollowed = notifications.stopFollowing(signedIn.accountId(), id);
        redirect.addFlashAttribute(
                "notice", "You no longer follow the conversation on “" + unfollowed.headline() + "”.");
        redirect.addFlashAttribute("noticeLink", unfollowed.path());
        return seeOther("/notifications");
    }

    @PostMapping("/notifications/read")
    RedirectView markAllRead(@AuthenticationPrincipal SignedIn signedIn) {
        notifications.markAllRead(signedIn.accountId());
        return seeOther("/notifications");
    }

    private static RedirectView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
        return redirect;
    }
}
