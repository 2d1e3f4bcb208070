package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import org.masthead.accounts.SignedIn;
import org.masthead.moderation.internal.Appeals;
import org.masthead.platform.ConflictException;
import org.masthead.platform.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader's page of the moderators' decisions on them, each with its statement of reasons, and their
 * appeals: one per decision.
 */
@Controller
class AppealsController {

    private final Appeals appeals;

    AppealsController(Appeals appeals) {
        this.appeals = appeals;
    }

    @GetMapping("/appeals")
    String decisions(@AuthenticationPrincipal SignedIn reader, Model model) {
        model.addAttribute("decisions", appeals.about(reader.accountId()));
        return "moderation/appeals";
    }

    /** A refused appeal comes back on the page, beside the decision, with what was typed. */
    @PostMapping("/appeals")
    String appeal(
            @AuthenticationPrincipal SignedIn reader,
            @Valid @ModelAttribute("form") AppealForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (!errors.hasErrors()) {
            try {
                appeals.appeal(
                        reader.accountId(),
                        Objects.requireNonNull(form.about()),
                        Objects.requireNonNull(form.id()),
                        Objects.requireNonNull(form.text()));
                redirect.addFlashAttribute(
                        "message",
                        "Your appeal is with the moderators. One who did not make the decision will look at it,"
                                + " and we will tell you what they decide.");
                return "redirect:/appeals#" + form.anchor();
            } catch (RejectedException refused) {
                refused.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            } catch (ConflictException refused) {
                errors.reject("conflict", refused.detail());
                status = HttpStatus.CONFLICT;
            }
        }
        response.setStatus(status.value());
        model.addAttribute("decisions", appeals.about(reader.accountId()));
        return "moderation/appeals";
    }
}
