package org.masthead.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.accounts.internal.Registrations;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A reader's own account page, and the personal bits a cached public page fetches for itself. */
@Controller
class AccountController {

    private final AccountRepository accounts;
    private final Registrations registrations;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final UserCredentialRepository passkeys;

    AccountController(
            AccountRepository accounts,
            Registrations registrations,
            PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeys) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.passkeyUsers = passkeyUsers;
        this.passkeys = passkeys;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        AccountRepository.AccountRow account =
                accounts.byId(signedIn.accountId()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("admin", account.roles().contains(Role.ADMIN));
        PublicKeyCredentialUserEntity passkeyUser = passkeyUsers.findByUsername(signedIn.getUsername());
        List<CredentialRecord> registered =
                passkeyUser == null ? List.of() : passkeys.findByUserId(passkeyUser.getId());
        model.addAttribute(
                "passkeys",
                registered.stream()
                        .map(passkey -> new Passkey(passkey.getCredentialId().toBase64UrlString(), passkey.getLabel()))
                        .toList());
        return "accounts/account";
    }

    @PostMapping("/account/verify/resend")
    String resendVerification(@AuthenticationPrincipal SignedIn signedIn, RedirectAttributes redirect) {
        accounts.byId(signedIn.accountId())
                .filter(account -> !account.verified())
                .ifPresent(account ->
                        registrations.sendVerification(account.id(), account.email(), account.displayName()));
        redirect.addFlashAttribute("notice", "We have sent a new link. It works for 48 hours.");
        return "redirect:/account";
    }

    /** The same from a page's script (the conversation's notice to an unconfirmed reader): no page to go to. */
    @PostMapping(path = "/account/verify/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Void> resendVerificationInPlace(@AuthenticationPrincipal SignedIn signedIn) {
        accounts.byId(signedIn.accountId())
                .filter(account -> !account.verified())
                .ifPresent(account ->
                        registrations.sendVerification(account.id(), account.email(), account.displayName()));
        return ResponseEntity.noContent().build();
    }

    /** A passkey as the account page lists it: its id, for removing it, and the name it was given. */
    record Passkey(String id, String label) {}

    /** Who is signed in; a visitor who is not is told only that. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(boolean signedIn, @Nullable String displayName, @Nullable Boolean staff, @Nullable Csrf csrf) {}

    /** What the header's sign-out form posts to pass the CSRF check. */
    record Csrf(String header, String parameterName, String token) {}

    /**
     * Who is signed in, for the header of pages that are cached for everyone. Never cached itself,
     * and never more than the header needs: with the CSRF token its sign-out form posts.
     */
    @GetMapping("/me")
    @ResponseBody
    ResponseEntity<Me> me(@AuthenticationPrincipal @Nullable SignedIn signedIn, HttpServletRequest request) {
        Me me = signedIn == null
                ? new Me(false, null, null, null)
                : new Me(
                        true,
                        signedIn.displayName(),
                        signedIn.isStaff(),
                        request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                                ? new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken())
                                : null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(me);
    }
}
