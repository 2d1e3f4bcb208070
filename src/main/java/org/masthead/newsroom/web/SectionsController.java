package org.masthead.newsroom.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.internal.SectionDesk;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.PageCacheProperties;
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
 * Where editors add the paper's sections, which every article is filed in, and change what they are
 * called and where they stand in the menu.
 */
@Controller
class SectionsController {

    private static final String SECTION = "{id:\\d{1,18}}";

    private final SectionDesk desk;
    private final String browsersMayLag;

    SectionsController(SectionDesk desk, PageCacheProperties pageCache) {
        this.desk = desk;
        this.browsersMayLag = NewsroomController.browsersMayLag(pageCache);
    }

    /** A section as typed. Everything may be missing; numbers are read by the desk, beside the rest. */
    record SectionForm(
            @Nullable String name,
            @Nullable String slug,
            @Nullable String description,
            @Nullable String parentId,
            @Nullable String position) {

        static final SectionForm EMPTY = new SectionForm("", "", "", "", "");

        static SectionForm of(Section section) {
            return new SectionForm(
                    section.name(),
                    section.slug(),
                    section.description(),
                    section.parentId() == null ? "" : String.valueOf(section.parentId()),
                    String.valueOf(section.position()));
        }

        SectionDesk.Details details() {
            return new SectionDesk.Details(text(name), text(slug), text(description), text(parentId), text(position));
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    @GetMapping("/newsroom/sections")
    String sections(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        model.addAttribute("staff", staff);
        model.addAttribute("sections", desk.sections(staff));
        return "newsroom/sections";
    }

    @GetMapping("/newsroom/sections/new")
    String add(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        return formPage(DeskStaff.of(signedIn), null, null, SectionForm.EMPTY, model);
    }

    @PostMapping("/newsroom/sections")
    String create(
            @AuthenticationPrincipal SignedIn signedIn,
            @ModelAttribute("form") SectionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        try {
            Section added = desk.add(staff, form.details());
            Section parent = desk.parentOf(added);
            redirect.addFlashAttribute(
                    "notice",
                    "Added. Articles can be filed in " + added.name() + " now. "
                            + (parent == null
                                    ? "It is in the site's menu"
                                    : "It is listed on " + parent.name() + "'s page")
                            + ", with its own page at /" + added.path() + " and its feed at /" + added.path()
                            + "/rss, " + browsersMayLag);
            return "redirect:/newsroom/sections/" + added.id();
        } catch (RejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(staff, null, null, form, model);
        }
    }

    @GetMapping("/newsroom/sections/" + SECTION)
    String section(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        Section section = desk.section(staff, id);
        return formPage(staff, section, desk.parentOf(section), SectionForm.of(section), model);
    }

    @PostMapping("/newsroom/sections/" + SECTION)
    String change(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") SectionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Section section = desk.section(staff, id);
        try {
            Section saved = desk.change(staff, id, form.details());
            redirect.addFlashAttribute(
                    "notice",
                    saved.equals(section)
                            ? "Nothing had changed."
                            : "Saved. The site's menu and pages show the change now, " + browsersMayLag);
            return "redirect:/newsroom/sections/" + id;
        } catch (RejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(staff, section, desk.parentOf(section), form, model);
        }
    }

    private String formPage(
            Staff staff, @Nullable Section section, @Nullable Section parent, SectionForm form, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("section", section);
        model.addAttribute("parent", parent);
        model.addAttribute("parents", desk.parents());
        model.addAttribute("form", form);
        model.addAttribute("nameMax", SectionDesk.NAME_MAX);
        model.addAttribute("descriptionMax", SectionDesk.DESCRIPTION_MAX);
        model.addAttribute("positionMax", SectionDesk.POSITION_MAX);
        return "newsroom/section";
    }
}
