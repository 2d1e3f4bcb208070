package org.masthead.accounts.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Role;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AccountAdministration;
import org.masthead.accounts.internal.AccountRepository;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for finding accounts and changing their roles and status. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdministrationController {

    static final int PAGE_SIZE = 50;
    private static final String NO_ACCOUNT = "There is no such account.";

    private final AccountAdministration administration;

    AccountAdministrationController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        String query = q == null ? "" : q.strip();
        List<AccountRepository.AccountRow> accounts = administration.search(query, before, PAGE_SIZE);
        model.addAttribute("accounts", accounts);
        model.addAttribute("q", query.isEmpty() ? null : query);
        model.addAttribute(
                "older", accounts.size() == PAGE_SIZE ? accounts.getLast().id() : null);
        return "admin/accounts";
    }

    @GetMapping("/{id}")
    String account(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, Model model) {
        AccountRepository.AccountRow account =
                administration.account(id).orElseThrow(() -> new NotFoundException(NO_ACCOUNT));
        model.addAttribute("account", account);
        model.addAttribute("self", account.id() == admin.accountId());
        model.addAttribute(
                "ownAdmin", account.id() == admin.accountId() && account.roles().contains(Role.ADMIN));
        model.addAttribute(
                "grantable",
                AccountAdministration.GRANTABLE.stream()
                        .sorted()
                        .filter(role -> !account.roles().contains(role))
                        .toList());
        boolean self = account.id() == admin.accountId();
        // Only what can be done is offered: an admin's own Admin role, and their own account, are left to
        // another admin (the page says so), as the actions themselves refuse.
        model.addAttribute(
                "revocable",
                account.roles().stream()
                        .filter(Role::isStaff)
                        .filter(role -> !(self && role == Role.ADMIN))
                        .sorted()
                        .toList());
        model.addAttribute("log", administration.auditLog(id));
        return "admin/account";
    }

    @PostMapping("/{id}/roles/grant")
    String grant(
            @PathVariable long id,
            @RequestParam String role,
            @AuthenticationPrincipal SignedIn admin,
            RedirectAttributes redirect) {
        return done(id, administration.grant(admin.accountId(), id, staffRole(role)), redirect);
    }

    @PostMapping("/{id}/roles/revoke")
    String revoke(
            @PathVariable long id,
            @RequestParam String role,
            @AuthenticationPrincipal SignedIn admin,
            RedirectAttributes redirect) {
        return done(id, administration.revoke(admin.accountId(), id, staffRole(role)), redirect);
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, RedirectAttributes redirect) {
        return done(id, administration.disable(admin.accountId(), id), redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, RedirectAttributes redirect) {
        return done(id, administration.enable(admin.accountId(), id), redirect);
    }

    private static String done(long id, AccountAdministration.Outcome outcome, RedirectAttributes redirect) {
        if (outcome.result() == AccountAdministration.Result.NOT_FOUND) {
            throw new NotFoundException(NO_ACCOUNT);
        }
        redirect.addFlashAttribute("notice", outcome.message());
        return "redirect:/admin/accounts/" + id;
    }

    /** A role from a form: only the staff roles; anything else is a bad request, not a server error. */
    private static Role staffRole(String name) {
        try {
            Role role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (AccountAdministration.GRANTABLE.contains(role)) {
                return role;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the 400 below.
        }
        throw new RejectedException("Bad request", "role", "That is not a staff role.");
    }
}
