package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountDeletions;
import org.masthead.accounts.internal.PersonalDataExport;
import org.masthead.platform.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/** A reader's rights over their data: a copy of all of it, and deleting their account. */
@Controller
class PrivacyController {

    private final PersonalDataExport export;
    private final AccountDeletions deletions;
    private final JsonMapper json;
    private final SiteProperties site;
    private final Clock clock;

    PrivacyController(
            PersonalDataExport export, AccountDeletions deletions, JsonMapper json, SiteProperties site, Clock clock) {
        this.export = export;
        this.deletions = deletions;
        this.json = json;
        this.site = site;
        this.clock = clock;
    }

    /** Everything we hold about the reader, as a JSON file to keep. */
    @GetMapping("/account/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedIn signedIn) {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.of(signedIn.accountId()));
        String filename = "masthead-data-" + LocalDate.ofInstant(clock.instant(), site.timeZone()) + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/account/delete")
    String confirmDeletion(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        model.addAttribute("form", DeleteAccountForm.empty());
        return deletionPage(signedIn, model);
    }

    @PostMapping("/account/delete")
    String delete(
            @AuthenticationPrincipal SignedIn signedIn,
            @ModelAttribute("form") DeleteAccountForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            deletions.delete(signedIn.accountId(), form.password(), form.confirm());
        } catch (AccountDeletions.NotConfirmedException notConfirmed) {
            errors.rejectValue(notConfirmed.field(), "rejected", notConfirmed.getMessage());
            return deletionPage(signedIn, model);
        }
        // Every other session of the account is gone already; this one ends with this page.
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "accounts/deleted";
    }

    private String deletionPage(SignedIn signedIn, Model model) {
        model.addAttribute("withPassword", deletions.confirmsWithPassword(signedIn.accountId()));
        model.addAttribute(
                "lastAdmin", deletions.isLastAdmin(signedIn.accountId()) ? AccountDeletions.LAST_ADMIN : null);
        model.addAttribute("confirmationWord", AccountDeletions.CONFIRMATION_WORD);
        return "accounts/delete";
    }
}
