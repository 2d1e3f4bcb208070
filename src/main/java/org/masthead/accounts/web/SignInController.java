package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.mail.Mailbox;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the forms it posts. A link to it may say where to take the
 * reader afterwards ({@code ?return=}, see {@link ReturnAfterSignIn}).
 */
@Controller
class SignInController {

    private final ReturnAfterSignIn returns;
    private final Mailbox mailbox;

    SignInController(ReturnAfterSignIn returns, Mailbox mailbox) {
        this.returns = returns;
        this.mailbox = mailbox;
    }

    /** Also for someone signed in by e-mail link whom a staff area asks for their password. */
    @GetMapping("/signin")
    String signIn(@Nullable Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (hasFactor(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return "redirect:"
                    + ReturnPath.of(request.getParameter(ReturnAfterSignIn.PARAMETER))
                            .or(() -> returns.target(request))
                            .orElse(ReturnAfterSignIn.DEFAULT);
        }
        returns.rememberRequested(request, response);
        return "accounts/signin";
    }

    /** A staff area needs a second factor: offer to e-mail a one-time link to the signed-in address. */
    @GetMapping("/signin/second-factor")
    String secondFactor(@AuthenticationPrincipal @Nullable SignedIn signedIn, Model model) {
        if (signedIn == null) {
            return "redirect:/signin";
        }
        model.addAttribute("email", signedIn.email());
        model.addAttribute("keepsMailLocally", mailbox.keepsMailLocally());
        return "accounts/second-factor";
    }

    private static boolean hasFactor(@Nullable Authentication authentication, String factor) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> factor.equals(a.getAuthority()));
    }

    /**
     * Where the e-mailed link lands: a button, so that mail scanners opening links do not spend it. The
     * link says where the reader was when they asked for it, for whichever device opens it.
     */
    @GetMapping("/signin/link")
    String confirmLink(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        returns.rememberRequested(request, response);
        model.addAttribute("token", token);
        return "accounts/signin-link";
    }

    @GetMapping("/signin/email-link/sent")
    String linkSent(Model model) {
        model.addAttribute("keepsMailLocally", mailbox.keepsMailLocally());
        return "accounts/signin-link-sent";
    }
}
