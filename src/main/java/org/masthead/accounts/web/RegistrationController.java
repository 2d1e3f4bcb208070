package org.masthead.accounts.web;

import jakarta.validation.Valid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.RegistrationRejectedException;
import org.masthead.accounts.internal.Registrations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Opening an account, and confirming its address from the link in the e-mail. */
@Controller
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/register")
    String form(@AuthenticationPrincipal @Nullable SignedIn signedIn, Model model) {
        if (signedIn != null) {
            return "redirect:/account";
        }
        model.addAttribute("form", RegistrationForm.empty());
        return "accounts/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        Registrations.NewReader reader = new Registrations.NewReader(
                Objects.requireNonNullElse(form.email(), ""),
                Objects.requireNonNullElse(form.displayName(), ""),
                Objects.requireNonNullElse(form.password(), ""),
                form.consentsToMarketing());
        if (errors.hasErrors()) {
            // Say everything that is wrong at once, not one field per attempt.
            registrations.problemsWith(reader).forEach((field, message) -> {
                if (!errors.hasFieldErrors(field)) {
                    errors.rejectValue(field, "rejected", message);
                }
            });
            return "accounts/register";
        }
        try {
            registrations.register(reader);
        } catch (RegistrationRejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "rejected", message));
            return "accounts/register";
        }
        return "redirect:/register/check-email";
    }

    @GetMapping("/register/check-email")
    String checkEmail() {
        return "accounts/check-email";
    }

    @GetMapping("/account/verify")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute(
                "verified", !token.isBlank() && registrations.verify(token).isPresent());
        return "accounts/verified";
    }
}
