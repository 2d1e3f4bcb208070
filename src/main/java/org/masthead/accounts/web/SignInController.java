package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.mail.Mailbox;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the forms it posts. A link to it may say where to take the
 * reader afterwards ({@code ?return=}, see {@link ReturnAfterSignIn}).
 */
@Controller
class SignInController {

    private final ReturnAfterSignIn returns;
    private final Mailbox mailbox;
    private final Accounts accounts;

    SignInController(ReturnAfterSignIn returns, Mailbox mailbox, Accounts accounts) {
        this.returns = returns;
        this.mailbox = mailbox;
        this.accounts = accounts;
    }

    /** The address typed into a sign-in that failed, for the form to show again: in the session, never in a URL. */
    private static final String TYPED_EMAIL = SignInController.class.getName() + ".email";

    /** Where a signed-in account's own link was sent, for the page that says so: in the session, as above. */
    private static final String LINK_SENT_TO = SignInController.class.getName() + ".linkSentTo";

    /**
     * A sign-in that failed: back to the form, which says so and keeps the address typed. An account an
     * admin disabled is told so, but only once its password has been checked: otherwise anyone could learn
     * which addresses have a disabled account.
     */
    static AuthenticationFailureHandler failureHandler(UserDetailsService users, PasswordEncoder passwords) {
        return (request, response, failure) -> {
            String email = request.getParameter("email");
            String password = request.getParameter("password");
            if (email != null && !email.isBlank() && email.length() <= 254) {
                request.getSession().setAttribute(TYPED_EMAIL, email.strip());
            }
            boolean disabled = failure instanceof DisabledException
                    && email != null
                    && password != null
                    && users.loadUserByUsername(email).getPassword() instanceof String hash
                    && passwords.matches(password, hash);
            response.sendRedirect(request.getContextPath() + (disabled ? "/signin?disabled" : "/signin?error"));
        };
    }

    /** Also for someone signed in by e-mail link whom a staff area asks for their password. */
    @GetMapping("/signin")
    String signIn(
            @Nullable Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (hasFactor(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return "redirect:"
                    + ReturnPath.of(request.getParameter(ReturnAfterSignIn.PARAMETER))
                            .or(() -> returns.target(request))
                            .orElse(ReturnAfterSignIn.DEFAULT);
        }
        returns.rememberRequested(request, response);
        model.addAttribute("linkAddressMissing", request.getParameter("link-address") != null);
        // The browser still sends the cookie of a session that has ended while it was away: ended by a change
        // to the account (a role taken away, the password changed elsewhere), or run out. Say so, rather than
        // show a bare form to someone who was signed in a moment ago.
        model.addAttribute(
                "sessionEnded", request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TYPED_EMAIL) instanceof String email) {
            session.removeAttribute(TYPED_EMAIL);
            model.addAttribute("typedEmail", email);
        }
        // Signed in already, by a passkey or an e-mailed link, and sent here because a staff area also needs
        // the password: the page asks for just that, for the account signed in, as the second-factor page
        // does after a password.
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof SignedIn signedIn
                && signedIn.isStaff()) {
            model.addAttribute("oneMoreStep", true);
            model.addAttribute("typedEmail", accounts.currentAddressOf(signedIn.accountId()));
        }
        return "accounts/signin";
    }

    /** A staff area needs a second factor: offer to e-mail a one-time link to the signed-in address. */
    @GetMapping("/signin/second-factor")
    String secondFactor(@AuthenticationPrincipal @Nullable SignedIn signedIn, Model model) {
        if (signedIn == null) {
            return "redirect:/signin";
        }
        model.addAttribute("email", accounts.currentAddressOf(signedIn.accountId()));
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

    /**
     * Reached only when the security filter that mails the link passed the request by, as it does a form
     * sent without an address: the form is shown again, saying so.
     */
    @PostMapping("/signin/email-link")
    String linkWithoutAddress() {
        return "redirect:/signin?link-address#link-email";
    }

    /** Reached only when the filter that spends the link found no token in the request. */
    @PostMapping("/signin/link")
    String linkWithoutToken() {
        return "redirect:/signin?link-expired";
    }

    /**
     * Says the link was sent to this address, on the page that follows: only for a request from the
     * address's own signed-in session, since anyone else is told the same whether or not it has an account.
     */
    static void rememberLinkSentToOwnAddress(HttpServletRequest request, String email) {
        request.getSession().setAttribute(LINK_SENT_TO, email);
    }

    @GetMapping("/signin/email-link/sent")
    String linkSent(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LINK_SENT_TO) instanceof String email) {
            session.removeAttribute(LINK_SENT_TO);
            model.addAttribute("sentTo", email);
        }
        return "accounts/signin-link-sent";
    }
}
