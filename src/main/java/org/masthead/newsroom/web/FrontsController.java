package org.masthead.newsroom.web;

import java.util.List;
import java.util.Locale;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.FrontLayout;
import org.masthead.newsroom.internal.FrontDesk;
import org.masthead.newsroom.internal.Staff;
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
 * Where editors arrange the fronts. Every change is a plain form post that saves the draft and comes
 * back to the page, so it works from the keyboard and without scripts; readers see nothing until the
 * front is published.
 */
@Controller
class FrontsController {

    private static final String FRONT = "{front:[a-z0-9]+(?:-[a-z0-9]+)*}";
    private static final String STORY = "{articleId:\\d{1,18}}";

    private final FrontDesk desk;

    FrontsController(FrontDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/newsroom/fronts")
    String fronts(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        model.addAttribute("staff", staff);
        model.addAttribute(
                "fronts",
                desk.fronts(staff).stream()
                        .map(front -> desk.draft(staff, front))
                        .toList());
        return "newsroom/fronts";
    }

    /** @param view the preview's width: {@code desktop} or {@code phone} */
    @GetMapping("/newsroom/fronts/" + FRONT)
    String front(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @RequestParam(defaultValue = "desktop") String view,
            Model model) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        model.addAttribute("staff", staff);
        model.addAttribute("draft", desk.draft(staff, found));
        model.addAttribute("candidates", desk.candidates(staff, found));
        model.addAttribute("layouts", FrontLayout.values());
        model.addAttribute("phone", view.equals("phone"));
        model.addAttribute("maxSlots", FrontDesk.MAX_SLOTS);
        return "newsroom/front";
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/stories")
    String add(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @RequestParam(required = false) Long articleId,
            @RequestParam(defaultValue = "STANDARD") String layout,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        if (articleId == null) {
            redirect.addFlashAttribute("notice", "Not added. Choose a story to add.");
            return back(found);
        }
        try {
            desk.add(staff, found, articleId, layout(layout));
        } catch (RejectedException e) {
            redirect.addFlashAttribute("notice", "Not added. " + e.detail());
            return back(found);
        }
        redirect.addFlashAttribute("notice", "Added to the draft, at the bottom. Readers see it once you publish.");
        return back(found, articleId);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/stories/" + STORY + "/up")
    String up(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @PathVariable long articleId,
            RedirectAttributes redirect) {
        return move(signedIn, front, articleId, true, redirect);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/stories/" + STORY + "/down")
    String down(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @PathVariable long articleId,
            RedirectAttributes redirect) {
        return move(signedIn, front, articleId, false, redirect);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/stories/" + STORY + "/layout")
    String layout(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @PathVariable long articleId,
            @RequestParam(defaultValue = "") String layout,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        FrontLayout chosen = layout(layout);
        desk.layout(staff, found, articleId, chosen);
        redirect.addFlashAttribute(
                "notice", "Layout changed to " + chosen.label().toLowerCase(Locale.ROOT) + ".");
        return back(found, articleId);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/stories/" + STORY + "/remove")
    String remove(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            @PathVariable long articleId,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        desk.remove(staff, found, articleId);
        redirect.addFlashAttribute("notice", "Removed from the draft.");
        return back(found);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/publish")
    String publish(
            @AuthenticationPrincipal SignedIn signedIn, @PathVariable String front, RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        desk.publish(staff, found);
        redirect.addFlashAttribute("notice", "Published: readers see this front now.");
        return back(found);
    }

    @PostMapping("/newsroom/fronts/" + FRONT + "/discard")
    String discard(
            @AuthenticationPrincipal SignedIn signedIn, @PathVariable String front, RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        desk.discard(staff, found);
        redirect.addFlashAttribute("notice", "Changes discarded: the draft is the live front again.");
        return back(found);
    }

    private String move(SignedIn signedIn, String front, long articleId, boolean up, RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Front found = desk.front(staff, front);
        desk.move(staff, found, articleId, up);
        redirect.addFlashAttribute("notice", up ? "Moved up." : "Moved down.");
        return back(found, articleId);
    }

    private static FrontLayout layout(String name) {
        for (FrontLayout layout : FrontLayout.values()) {
            if (layout.name().equalsIgnoreCase(name.strip())) {
                return layout;
            }
        }
        throw new RejectedException(
                "No such layout",
                "layout",
                "Choose one of "
                        + String.join(
                                ", ",
                                List.of(FrontLayout.values()).stream()
                                        .map(FrontLayout::label)
                                        .toList()) + ".");
    }

    private static String back(Front front) {
        return "redirect:/newsroom/fronts/" + front.slug();
    }

    /** Back to the story that changed, so that the keyboard goes on from there. */
    private static String back(Front front, long articleId) {
        return "redirect:/newsroom/fronts/" + front.slug() + "#story-" + articleId;
    }
}
