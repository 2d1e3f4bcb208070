package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    private final ReturnAfterSignIn returns;

    RegistrationController(Registrations registrations, ReturnAfterSignIn returns) {
        this.registrations = registrations;
        this.returns = returns;
    }

    /** With {@code ?return=}, the page to take the reader back to once they have confirmed and signed in. */
    @GetMapping("/register")
    String form(
            @AuthenticationPrincipal @Nullable SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (signedIn != null) {
            return "redirect:/account";
        }
        returns.rememberRequested(request, response);
        model.addAttribute("form", RegistrationForm.empty());
        return "accounts/register";
    }

    /** The confirmation link carries where the reader was, for whichever device they open it on. */
    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, HttpServletRequest request) {
        Registrations.NewReader reader = new Registrations.NewReader(
                Objects.requireNonNullElse(form.email(), ""),
                Objects.requireNonNullElse(form.displayName(), ""),
                Objects.requireNonNullElse(form.password(), ""),
                form.consentsToMarketing(),
                returns.target(request).orElse(null));
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

    /** Confirmed, the reader signs in and is taken back to where they registered. */
    @GetMapping("/account/verify")
    String verify(
            @RequestParam(defaultValue = "") String token,
            @AuthenticationPrincipal @Nullable SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute(
                "verified", !token.isBlank() && registrations.verify(token).isPresent());
        model.addAttribute("signedIn", signedIn != null);
        model.addAttribute(
                "returnTo",
                ReturnPath.of(request.getParameter(ReturnAfterSignIn.PARAMETER)).orElse(ReturnAfterSignIn.DEFAULT));
        returns.rememberRequested(request, response);
        return "accounts/verified";
    }
}
