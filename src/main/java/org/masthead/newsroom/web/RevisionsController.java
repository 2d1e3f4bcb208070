package org.masthead.newsroom.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.DeskRepository;
import org.masthead.newsroom.internal.Staff;
import org.masthead.newsroom.internal.StaffNames;
import org.masthead.newsroom.internal.WordDiff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every saved version of an article: the list, the words added and removed between any two, and restoring one. */
@Controller
class RevisionsController {

    private final Desk desk;
    private final StaffNames names;

    RevisionsController(Desk desk, StaffNames names) {
        this.desk = desk;
        this.names = names;
    }

    /** Compares {@code from} with {@code to}; by default the version before the latest with the latest. */
    @GetMapping("/newsroom/articles/{id:\\d{1,18}}/revisions")
    String revisions(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        Staff staff = DeskStaff.of(signedIn);
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        List<DeskRepository.Revision> revisions = desk.revisions(staff, id);
        int latest = revisions.getFirst().version();
        int newer = to == null ? latest : to;
        int older = from == null ? Math.max(revisions.getLast().version(), newer - 1) : from;
        DeskRepository.Revision a = desk.revision(staff, id, older);
        DeskRepository.Revision b = desk.revision(staff, id, newer);
        model.addAttribute("staff", staff);
        model.addAttribute("article", article);
        model.addAttribute("revisions", revisions);
        model.addAttribute(
                "names",
                names.of(
                        revisions.stream().map(DeskRepository.Revision::savedBy).toList()));
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("diff", WordDiff.between(text(a), text(b)));
        model.addAttribute("mayEdit", desk.mayEdit(staff, article));
        return "newsroom/revisions";
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/revisions/{version:\\d{1,9}}/restore")
    String restore(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @PathVariable int version,
            RedirectAttributes redirect) {
        Desk.Saved saved = desk.restore(DeskStaff.of(signedIn), id, version);
        redirect.addFlashAttribute(
                "notice", "Version " + version + " restored: it is version " + saved.version() + " now.");
        return "redirect:/newsroom/articles/" + id;
    }

    private static String text(DeskRepository.Revision revision) {
        DeskRepository.Words words = revision.words();
        return NewsroomController.wordsOf(words.headline(), words.standfirst(), words.bodySource());
    }
}
