package org.masthead.accounts.web;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form it posts. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(@AuthenticationPrincipal @Nullable SignedIn signedIn) {
        return signedIn == null ? "accounts/signin" : "redirect:/account";
    }

    /** Where the e-mailed link lands: a button, so that mail scanners opening links do not spend it. */
    @GetMapping("/signin/link")
    String confirmLink(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "accounts/signin-link";
    }

    @GetMapping("/signin/email-link/sent")
    String linkSent() {
        return "accounts/signin-link-sent";
    }
}
