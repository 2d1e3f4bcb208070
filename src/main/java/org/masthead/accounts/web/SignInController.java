package org.masthead.accounts.web;

import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form it posts. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(@AuthenticationPrincipal @Nullable SignedIn signedIn) {
        return signedIn == null ? "accounts/signin" : "redirect:/account";
    }
}
