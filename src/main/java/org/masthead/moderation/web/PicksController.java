package org.masthead.moderation.web;

import org.masthead.accounts.SignedIn;
import org.masthead.moderation.internal.Picks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Picking comments, by moderators and editors: from the console (a form, answered with the queue again)
 * and from the conversation itself (its script asks for JSON, answered 204).
 */
@Controller
class PicksController {

    private final Picks picks;

    PicksController(Picks picks) {
        this.picks = picks;
    }

    @PostMapping(path = "/moderation/comments/{id:\\d{1,18}}/pick", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> pickFromThread(@PathVariable long id, @AuthenticationPrincipal SignedIn staff) {
        picks.pick(id, staff.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/moderation/comments/{id:\\d{1,18}}/unpick", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unpickFromThread(@PathVariable long id, @AuthenticationPrincipal SignedIn staff) {
        picks.unpick(id, staff.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/moderation/comments/{id:\\d{1,18}}/pick")
    String pick(
            @PathVariable long id,
            @RequestParam(defaultValue = "recent") String queue,
            @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal SignedIn staff,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                picks.pick(id, staff.accountId())
                        ? "Picked: the comment is marked as a staff pick and listed under the conversation's Picks tab."
                        : "This comment is already a staff pick.");
        return ModerationController.backTo(queue, back, id);
    }

    @PostMapping("/moderation/comments/{id:\\d{1,18}}/unpick")
    String unpick(
            @PathVariable long id,
            @RequestParam(defaultValue = "recent") String queue,
            @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal SignedIn staff,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                picks.unpick(id, staff.accountId())
                        ? "Un-picked: the comment is no longer a staff pick."
                        : "This comment was not a staff pick.");
        return ModerationController.backTo(queue, back, id);
    }
}
