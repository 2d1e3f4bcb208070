package org.masthead.newsroom.web;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.Staff;
import org.masthead.newsroom.internal.wire.WireDesk;
import org.masthead.newsroom.internal.wire.WireRepository;
import org.masthead.platform.RejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The wire queue: agency copy as it comes in, each story's versions, and the step that makes it a draft. */
@Controller
class WireController {

    static final int PAGE_SIZE = 50;
    static final int QUARANTINE_SHOWN = 20;

    private final WireDesk wires;
    private final Desk desk;
    private final PublishedContent content;

    WireController(WireDesk wires, Desk desk, PublishedContent content) {
        this.wires = wires;
        this.desk = desk;
        this.content = content;
    }

    @GetMapping("/newsroom/wires")
    String queue(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(defaultValue = "") @Size(max = 200, message = "Search for fewer words.") String q,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        List<WireRepository.Listed> items = wires.queue(q, before, PAGE_SIZE);
        Staff staff = DeskStaff.of(signedIn);
        model.addAttribute("staff", staff);
        model.addAttribute(
                "holders",
                desk.holders(
                        staff,
                        items.stream()
                                .map(WireRepository.Listed::articleId)
                                .filter(Objects::nonNull)
                                .toList()));
        model.addAttribute("q", q.strip());
        model.addAttribute("items", items);
        model.addAttribute("older", items.size() == PAGE_SIZE ? items.getLast().id() : null);
        model.addAttribute("quarantine", wires.quarantine(QUARANTINE_SHOWN));
        return "newsroom/wires";
    }

    @GetMapping("/newsroom/wires/{id:\\d{1,18}}")
    String item(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        WireRepository.Item item = wires.item(id);
        model.addAttribute("staff", staff);
        model.addAttribute("item", item);
        model.addAttribute(
                "holder",
                item.articleId() == null
                        ? null
                        : desk.holders(staff, List.of(item.articleId())).get(item.articleId()));
        model.addAttribute("versions", wires.versions(id));
        model.addAttribute("sections", content.sections());
        return "newsroom/wire";
    }

    /** One click: the story's latest version becomes a draft on the desk, and the editor opens on it. */
    @PostMapping("/newsroom/wires/{id:\\d{1,18}}/draft")
    String draft(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long sectionId,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        try {
            WireDesk.Drafted drafted = wires.draft(staff, id, sectionId);
            Desk.Holder holder =
                    desk.holders(staff, List.of(drafted.articleId())).get(drafted.articleId());
            if (holder != null && !holder.mayOpen()) {
                // A colleague's draft would answer 403: say whose it is on the story's page instead.
                redirect.addFlashAttribute("notice", "No draft made. " + holder.inWords());
                return "redirect:/newsroom/wires/" + id;
            }
            redirect.addFlashAttribute(
                    "notice",
                    drafted.alreadyMade()
                            ? "This story was made into a draft before: here it is."
                            : "Draft made from the wire, with the agency's byline. It is yours until you submit it.");
            return "redirect:/newsroom/articles/" + drafted.articleId();
        } catch (RejectedException e) {
            redirect.addFlashAttribute("notice", "No draft made. " + e.detail());
            return "redirect:/newsroom/wires/" + id;
        }
    }
}
