package org.masthead.newsroom.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.internal.AuthorDesk;
import org.masthead.newsroom.internal.ImageRepository;
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

/** Where editors add the authors that bylines name, and change what their profiles say. */
@Controller
class AuthorsController {

    private static final String AUTHOR = "{id:\\d{1,18}}";

    private final AuthorDesk desk;
    private final ImageRepository images;
    private final String browsersMayLag;

    AuthorsController(AuthorDesk desk, ImageRepository images, PageCacheProperties pageCache) {
        this.desk = desk;
        this.images = images;
        this.browsersMayLag = NewsroomController.browsersMayLag(pageCache);
    }

    /**
     * An author's profile as typed. Everything may be missing.
     *
     * @param photoId the number of the photo in the image library, as typed: read here, so that anything
     *     else is said beside the field rather than refused as an unreadable form
     */
    record AuthorForm(
            @Nullable String name, @Nullable String jobTitle, @Nullable String bio, @Nullable String photoId) {

        static final AuthorForm EMPTY = new AuthorForm("", "", "", "");

        static AuthorForm of(Author author) {
            return new AuthorForm(
                    author.name(),
                    author.jobTitle(),
                    author.bio(),
                    author.photo() == null ? "" : String.valueOf(author.photo().id()));
        }

        String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    @GetMapping("/newsroom/authors")
    String authors(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        model.addAttribute("staff", staff);
        model.addAttribute("authors", desk.authors(staff));
        return "newsroom/authors";
    }

    @GetMapping("/newsroom/authors/new")
    String add(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        return formPage(DeskStaff.of(signedIn), null, AuthorForm.EMPTY, model);
    }

    @PostMapping("/newsroom/authors")
    String create(
            @AuthenticationPrincipal SignedIn signedIn,
            @ModelAttribute("form") AuthorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        try {
            Author added = desk.add(staff, profile(form));
            redirect.addFlashAttribute(
                    "notice",
                    "Added. " + added.name() + " can be chosen as a byline now; their page is at /author/"
                            + added.slug() + " once they have published work.");
            return "redirect:/newsroom/authors/" + added.id();
        } catch (RejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(staff, null, form, model);
        }
    }

    @GetMapping("/newsroom/authors/" + AUTHOR)
    String author(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, Model model) {
        Staff staff = DeskStaff.of(signedIn);
        Author author = desk.author(staff, id);
        return formPage(staff, author, AuthorForm.of(author), model);
    }

    @PostMapping("/newsroom/authors/" + AUTHOR)
    String change(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") AuthorForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        Author author = desk.author(staff, id);
        try {
            desk.change(staff, id, profile(form));
            redirect.addFlashAttribute(
                    "notice", "Saved. Their page and bylines show the change now, " + browsersMayLag);
            return "redirect:/newsroom/authors/" + id;
        } catch (RejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(staff, author, form, model);
        }
    }

    /**
     * The profile the form gives, for the desk to judge. The photo's number is read here: the page's number
     * field sends nothing else, so anything else is refused on its own.
     */
    private static AuthorDesk.Profile profile(AuthorForm form) {
        String typed = form.text(form.photoId()).strip();
        Long photoId;
        try {
            photoId = typed.isEmpty() ? null : Long.valueOf(typed);
        } catch (NumberFormatException e) {
            throw new RejectedException(
                    "The author was not saved",
                    "photoId",
                    "Give the photo's number in the image library, or leave it empty for none.");
        }
        return new AuthorDesk.Profile(
                form.text(form.name()), form.text(form.jobTitle()), form.text(form.bio()), photoId);
    }

    private String formPage(Staff staff, @Nullable Author author, AuthorForm form, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("author", author);
        model.addAttribute("form", form);
        model.addAttribute("photo", photo(form));
        model.addAttribute("nameMax", AuthorDesk.NAME_MAX);
        model.addAttribute("jobTitleMax", AuthorDesk.JOB_TITLE_MAX);
        model.addAttribute("bioMax", AuthorDesk.BIO_MAX);
        return "newsroom/author";
    }

    /** The photo the form names, shown beside its number, when there is one. */
    private @Nullable ImageRef photo(AuthorForm form) {
        try {
            return images.find(Long.parseLong(form.text(form.photoId()).strip()))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
