package org.masthead.moderation.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.moderation.internal.Appeals;
import org.masthead.moderation.internal.Decisions;
import org.masthead.moderation.internal.SanctionDesk;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.RejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's queue of appeals, each decided by a moderator other than the one who made the decision,
 * beside every sanction that holds on the reader.
 */
@Controller
class AppealDecisionsController {

    private final Appeals appeals;
    private final Decisions decisions;
    private final Accounts accounts;
    private final SanctionDesk sanctions;

    AppealDecisionsController(Appeals appeals, Decisions decisions, Accounts accounts, SanctionDesk sanctions) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.accounts = accounts;
        this.sanctions = sanctions;
    }

    @GetMapping("/moderation/appeals")
    String waiting(@AuthenticationPrincipal SignedIn moderator, Model model) {
        var waiting = appeals.waiting();
        Set<Long> people = new HashSet<>();
        waiting.forEach(d -> {
            people.add(d.readerId());
            if (d.decidedBy() != null) {
                people.add(d.decidedBy());
            }
        });
        Map<Long, String> names = accounts.publicReaders(people).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displayName()));
        model.addAttribute("queues", Decisions.QUEUES);
        model.addAttribute("counts", decisions.counts());
        model.addAttribute("appeals", waiting);
        // Every sanction that holds on each reader, beside their appeal: overturning one leaves the others.
        Map<Long, java.util.List<SanctionDesk.InForce>> inForce = new java.util.HashMap<>();
        waiting.forEach(d -> inForce.computeIfAbsent(d.readerId(), sanctions::inForce));
        model.addAttribute("inForce", inForce);
        model.addAttribute("names", names);
        model.addAttribute("me", moderator.accountId());
        model.addAttribute("othersDecide", appeals.anotherModeratorThan(moderator.accountId()));
        return "moderation/appeal-queue";
    }

    @PostMapping("/moderation/appeals/{id:\\d{1,18}}/decide")
    String decide(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String answer,
            @AuthenticationPrincipal SignedIn moderator,
            RedirectAttributes redirect) {
        if (!outcome.equals("uphold") && !outcome.equals("overturn")) {
            throw new RejectedException("Nothing was decided", "outcome", "Choose to uphold or to overturn.");
        }
        boolean overturn = outcome.equals("overturn");
        try {
            appeals.decide(id, moderator.accountId(), overturn, answer);
            redirect.addFlashAttribute(
                    "message",
                    overturn
                            ? "Overturned: the decision is undone, and the reader has been told."
                            : "Upheld: the decision stands, and the reader has been told.");
        } catch (ConflictException | NotAllowedException refused) {
            redirect.addFlashAttribute("message", refused.detail());
        }
        return "redirect:/moderation/appeals";
    }
}
