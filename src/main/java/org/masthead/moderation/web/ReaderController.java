package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.internal.Appeals;
import org.masthead.moderation.internal.Decisions;
import org.masthead.moderation.internal.ReaderNotes;
import org.masthead.moderation.internal.SanctionDesk;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader as moderators see them: their latest comments, the decisions on them and their appeals, the
 * moderators' private notes, and the forms to add a note, impose a sanction or withdraw one in force. A
 * refused form comes back on this page with a message beside the field, and changes nothing.
 */
@Controller
class ReaderController {

    private static final int HISTORY = 20;

    private final Accounts accounts;
    private final Discussion discussion;
    private final Appeals appeals;
    private final ReaderNotes notes;
    private final SanctionDesk sanctions;
    private final Decisions decisions;

    ReaderController(
            Accounts accounts,
            Discussion discussion,
            Appeals appeals,
            ReaderNotes notes,
            SanctionDesk sanctions,
            Decisions decisions) {
        this.accounts = accounts;
        this.discussion = discussion;
        this.appeals = appeals;
        this.notes = notes;
        this.sanctions = sanctions;
        this.decisions = decisions;
    }

    @GetMapping("/moderation/readers/{id:\\d{1,18}}")
    String reader(@PathVariable long id, @AuthenticationPrincipal SignedIn moderator, Model model) {
        return page(id, moderator.accountId(), model);
    }

    @PostMapping("/moderation/readers/{id:\\d{1,18}}/sanctions")
    String sanction(
            @PathVariable long id,
            @Valid @ModelAttribute("sanction") SanctionForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                sanctions.impose(
                        id,
                        Objects.requireNonNullElse(form.kind(), ""),
                        Objects.requireNonNullElse(form.rule(), ""),
                        Objects.requireNonNull(form.reason()),
                        form.dayCount(),
                        moderator.accountId());
                redirect.addFlashAttribute(
                        "message", "Sanction imposed: the reader has been told, in the app and by mail.");
                return "redirect:/moderation/readers/" + id;
            } catch (RejectedException refused) {
                refused.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("note", new NoteForm(""));
        return page(id, moderator.accountId(), model);
    }

    @PostMapping("/moderation/readers/{id:\\d{1,18}}/sanctions/{sanctionId:\\d{1,18}}/withdraw")
    String withdraw(
            @PathVariable long id,
            @PathVariable long sanctionId,
            @Valid @ModelAttribute("withdrawal") WithdrawalForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                String told = sanctions.withdraw(
                        id, sanctionId, Objects.requireNonNull(form.reason()), moderator.accountId());
                redirect.addFlashAttribute("message", "Sanction withdrawn. The reader has been told: “" + told + "”");
                return "redirect:/moderation/readers/" + id;
            } catch (RejectedException refused) {
                refused.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        // So that the page shows the message beside this sanction's form, not another's.
        model.addAttribute("withdrawing", sanctionId);
        return page(id, moderator.accountId(), model);
    }

    @PostMapping("/moderation/readers/{id:\\d{1,18}}/notes")
    String note(
            @PathVariable long id,
            @Valid @ModelAttribute("note") NoteForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("sanction", new SanctionForm("warn", "civil", "", null));
            return page(id, moderator.accountId(), model);
        }
        reader(id);
        notes.write(
                id, moderator.accountId(), Objects.requireNonNull(form.text()).strip());
        redirect.addFlashAttribute("message", "Note kept: moderators see it beside this reader’s comments.");
        return "redirect:/moderation/readers/" + id;
    }

    private String page(long id, long moderatorId, Model model) {
        AccountSummary reader = reader(id);
        model.addAttribute(
                "notSanctioned",
                sanctions.whyNotSanctionedBy(reader, moderatorId).orElse(null));
        var history = discussion.latestBy(id, HISTORY);
        var decided = appeals.about(id);
        var kept = notes.on(Set.of(id)).getOrDefault(id, java.util.List.of());
        Set<Long> people = new HashSet<>();
        kept.forEach(note -> people.add(note.authorId()));
        decided.forEach(d -> {
            if (d.decidedBy() != null) {
                people.add(d.decidedBy());
            }
        });
        Map<Long, String> names = accounts.publicReaders(people).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displayName()));
        model.addAttribute("reader", reader);
        model.addAttribute("history", history);
        model.addAttribute("decided", decided);
        model.addAttribute("inForce", sanctions.inForce(id));
        model.addAttribute("notes", kept);
        model.addAttribute("names", names);
        model.addAttribute("rules", SanctionDesk.RULES);
        model.addAttribute("queues", Decisions.QUEUES);
        model.addAttribute("counts", decisions.counts());
        if (!model.containsAttribute("sanction")) {
            model.addAttribute("sanction", new SanctionForm("warn", "civil", "", null));
        }
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", new NoteForm(""));
        }
        if (!model.containsAttribute("withdrawal")) {
            model.addAttribute("withdrawal", new WithdrawalForm(""));
        }
        if (!model.containsAttribute("withdrawing")) {
            model.addAttribute("withdrawing", 0L);
        }
        return "moderation/reader";
    }

    private AccountSummary reader(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException("There is no such reader."));
    }
}
