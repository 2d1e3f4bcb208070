package org.masthead.accounts.web;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form it posts. */
@Controller
class SignInController {

    /** Also for someone signed in by e-mail link whom a staff area asks for their password. */
    @GetMapping("/signin")
    String signIn(@Nullable Authentication authentication) {
        return hasFactor(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)
                ? "redirect:/account"
                : "accounts/signin";
    }

    /** A staff area needs a second factor: offer to e-mail a one-time link to the signed-in address. */
    @GetMapping("/signin/second-factor")
    String secondFactor(@AuthenticationPrincipal @Nullable SignedIn signedIn, Model model) {
        if (signedIn == null) {
            return "redirect:/signin";
        }
        model.addAttribute("email", signedIn.email());
        return "accounts/second-factor";
    }

    private static boolean hasFactor(@Nullable Authentication authentication, String factor) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> factor.equals(a.getAuthority()));
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
