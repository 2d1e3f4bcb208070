package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.internal.AccountChangeRejectedException;
import org.masthead.accounts.internal.LinkNotValidException;
import org.masthead.accounts.internal.PasswordResets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Asking for a link to reset a forgotten password, and choosing the new one from it. */
@Controller
class PasswordResetController {

    private static final String FORGOT = "accounts/forgot-password";
    private static final String RESET = "accounts/reset-password";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/account/forgot-password")
    String forgotForm(Model model) {
        model.addAttribute("form", ForgotPasswordForm.empty());
        return FORGOT;
    }

    /**
     * The same answer whether or not the address has an account. The answer travels as a flash
     * attribute, not in the address: "we have sent a link" is said only to whoever asked for one.
     */
    @PostMapping("/account/forgot-password")
    String forgot(
            @Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return FORGOT;
        }
        resets.request(Objects.requireNonNull(form.email()));
        redirect.addFlashAttribute("sent", true);
        return "redirect:/account/forgot-password";
    }

    @GetMapping("/account/reset-password")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("form", new ResetPasswordForm(token, ""));
        return resetPage(token, model);
    }

    @PostMapping("/account/reset-password")
    String reset(
            @Valid @ModelAttribute("form") ResetPasswordForm form,
            BindingResult errors,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        String token = form.tokenOrEmpty();
        if (errors.hasErrors()) {
            return resetPage(token, model);
        }
        try {
            resets.reset(token, Objects.requireNonNull(form.password()), sessionId(request));
        } catch (LinkNotValidException notValid) {
            model.addAttribute("valid", false);
            return RESET;
        } catch (AccountChangeRejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "rejected", message));
            return resetPage(token, model);
        }
        redirect.addFlashAttribute("notice", "Your new password is set. Sign in with it.");
        return "redirect:/signin";
    }

    private String resetPage(String token, Model model) {
        model.addAttribute("valid", !token.isBlank() && resets.isValid(token));
        return RESET;
    }

    private static @Nullable String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
