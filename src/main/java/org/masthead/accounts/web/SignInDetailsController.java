package org.masthead.accounts.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountChangeRejectedException;
import org.masthead.accounts.internal.LinkNotValidException;
import org.masthead.accounts.internal.SignInDetails;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in reader changing their password or e-mail address, and confirming the new address. */
@Controller
class SignInDetailsController {

    private static final String PASSWORD = "accounts/change-password";
    private static final String EMAIL = "accounts/change-email";
    private static final String CONFIRM = "accounts/confirm-email-change";

    private final SignInDetails details;
    private final Accounts accounts;

    SignInDetailsController(SignInDetails details, Accounts accounts) {
        this.details = details;
        this.accounts = accounts;
    }

    /** Whose password the form changes, for password managers, which otherwise cannot tell which to update. */
    @ModelAttribute("accountEmail")
    String accountEmail(@AuthenticationPrincipal @Nullable SignedIn signedIn) {
        return signedIn == null ? "" : accounts.currentAddressOf(signedIn.accountId());
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", ChangePasswordForm.empty());
        return PASSWORD;
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SignedIn signedIn,
            @Valid @ModelAttribute("form") ChangePasswordForm form,
            BindingResult errors,
            HttpSession session,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // Say what is wrong with the new password too, not one field per attempt.
            String newPassword = form.newPassword();
            if (newPassword != null && !errors.hasFieldErrors("newPassword")) {
                details.problemWithNewPassword(signedIn.accountId(), newPassword)
                        .ifPresent(problem -> errors.rejectValue("newPassword", "rejected", problem));
            }
            return PASSWORD;
        }
        try {
            details.changePassword(
                    signedIn.accountId(),
                    Objects.requireNonNull(form.currentPassword()),
                    Objects.requireNonNull(form.newPassword()),
                    session.getId());
        } catch (AccountChangeRejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "rejected", message));
            return PASSWORD;
        }
        redirect.addFlashAttribute(
                "notice", "Your password is changed. Anywhere else you were signed in, you have been signed out.");
        return "redirect:/account";
    }

    @GetMapping("/account/email")
    String emailForm(Model model) {
        model.addAttribute("form", ChangeEmailForm.empty());
        return EMAIL;
    }

    /** The same answer whether or not the new address has an account. */
    @PostMapping("/account/email")
    String changeEmail(
            @AuthenticationPrincipal SignedIn signedIn,
            @Valid @ModelAttribute("form") ChangeEmailForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return EMAIL;
        }
        String email = Objects.requireNonNull(form.email()).strip();
        try {
            details.requestEmailChange(signedIn.accountId(), Objects.requireNonNull(form.currentPassword()), email);
        } catch (AccountChangeRejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "rejected", message));
            return EMAIL;
        }
        redirect.addFlashAttribute(
                "notice",
                "We have sent a link to " + email + ". Follow it within 48 hours to finish the change; "
                        + "until then, keep signing in with your current address.");
        return "redirect:/account";
    }

    /** Shows what the link would do; only the button spends it, since mail scanners open links too. */
    @GetMapping("/account/email/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        details.pendingEmailChange(token).ifPresent(newEmail -> {
            model.addAttribute("token", token);
            model.addAttribute("newEmail", newEmail);
        });
        return CONFIRM;
    }

    /**
     * Says the change is done where the reader lands: their account, if this is the account they are signed
     * in to; otherwise the sign-in page (a signed-in reader sent there would be sent on, and lose the notice).
     */
    @PostMapping("/account/email/confirm")
    String confirm(
            @RequestParam(defaultValue = "") String token,
            @AuthenticationPrincipal @Nullable SignedIn signedIn,
            RedirectAttributes redirect) {
        SignInDetails.EmailChanged changed;
        try {
            changed = details.confirmEmailChange(token);
        } catch (LinkNotValidException notValid) {
            return CONFIRM;
        }
        if (signedIn != null && signedIn.accountId() == changed.accountId()) {
            redirect.addFlashAttribute("notice", "Your e-mail address is now " + changed.email() + ".");
            return "redirect:/account";
        }
        redirect.addFlashAttribute("notice", "Your e-mail address is now " + changed.email() + ". Sign in with it.");
        return "redirect:/signin";
    }
}
