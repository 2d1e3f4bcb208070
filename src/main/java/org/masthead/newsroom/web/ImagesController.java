package org.masthead.newsroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.NewImage;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.internal.ImageRepository;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.Pictures;
import org.masthead.platform.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The image library: upload pictures with their words and focal point, find them again, and reuse them. */
@Controller
class ImagesController {

    static final int PAGE_SIZE = 24;
    private static final int MAX_QUERY_WORDS = 8;

    private final Newsroom newsroom;
    private final ImageRepository images;

    ImagesController(Newsroom newsroom, ImageRepository images) {
        this.newsroom = newsroom;
        this.images = images;
    }

    /**
     * The upload form. Focal point in percent across and down the picture.
     *
     * @param focalX from 0 (left edge) to 100 (right edge); the middle when missing
     */
    record UploadForm(
            @Nullable String altText,
            @Nullable String caption,
            @Nullable String credit,
            @Nullable String focalX,
            @Nullable String focalY) {

        static UploadForm empty() {
            return new UploadForm("", "", "", "50", "50");
        }

        String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    /** The words of an image already kept, as its page's form changes them. */
    record WordsForm(@Nullable String altText, @Nullable String caption, @Nullable String credit) {

        static WordsForm of(ImageRef image) {
            return new WordsForm(image.altText(), image.caption(), image.credit());
        }

        String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    /** An image as the editor's picker offers it. */
    record Choice(
            long id,
            String altText,
            String caption,
            String credit,
            int width,
            int height,
            String thumbnail,
            String markdown) {}

    record Choices(List<Choice> images) {}

    @GetMapping("/newsroom/images")
    String library(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        List<ImageRef> found = images.search(words(q), before, PAGE_SIZE);
        model.addAttribute("staff", DeskStaff.of(signedIn));
        model.addAttribute("q", q.strip());
        model.addAttribute("images", found);
        model.addAttribute("older", found.size() == PAGE_SIZE ? found.getLast().id() : null);
        return "newsroom/images";
    }

    /** The picker's search (JSON): the newest images, or those whose words match. */
    @GetMapping(value = "/newsroom/images/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Choices search(@RequestParam(defaultValue = "") String q) {
        return new Choices(images.search(words(q), null, PAGE_SIZE).stream()
                .map(ImagesController::choice)
                .toList());
    }

    @GetMapping("/newsroom/images/new")
    String upload(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        return uploadPage(signedIn, UploadForm.empty(), null, model);
    }

    @PostMapping("/newsroom/images")
    String store(
            @AuthenticationPrincipal SignedIn signedIn,
            @ModelAttribute("form") UploadForm form,
            BindingResult errors,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        byte[] bytes = new byte[0];
        String fileProblem = null;
        if (file == null || file.isEmpty()) {
            fileProblem = "Choose a JPEG, PNG or WebP picture to upload.";
        } else if (file.getSize() > Pictures.MAX_BYTES) {
            // The server reads somewhat more than we take, so that this is said by the form, not an error page.
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            fileProblem = Pictures.tooLarge();
        } else {
            try {
                bytes = file.getBytes();
            } catch (IOException unreadable) {
                fileProblem = "The picture did not arrive whole. Try again.";
            }
        }
        double focalX = percent(form.focalX(), "focalX", errors);
        double focalY = percent(form.focalY(), "focalY", errors);
        if (fileProblem == null && !errors.hasErrors()) {
            try {
                ImageRef image = newsroom.storeImage(new NewImage(
                        bytes,
                        form.text(form.altText()),
                        form.text(form.caption()),
                        form.text(form.credit()),
                        focalX,
                        focalY,
                        signedIn.accountId()));
                redirect.addFlashAttribute(
                        "notice", "Image kept in the library. Choose it in the editor, or copy its Markdown below.");
                return "redirect:/newsroom/images/" + image.id();
            } catch (RejectedException rejected) {
                for (var problem : rejected.fieldErrors().entrySet()) {
                    if (problem.getKey().equals("file")) {
                        fileProblem = problem.getValue();
                    } else {
                        errors.rejectValue(problem.getKey(), "invalid", problem.getValue());
                    }
                }
            }
        }
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return uploadPage(signedIn, form, fileProblem, model);
    }

    @GetMapping("/newsroom/images/{id:\\d{1,18}}")
    String image(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, Model model) {
        ImageRef image = kept(id);
        return imagePage(signedIn, image, WordsForm.of(image), model);
    }

    /** Changes the image's words; every story that shows it shows the new ones. */
    @PostMapping("/newsroom/images/{id:\\d{1,18}}")
    String describe(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") WordsForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ImageRef image = kept(id);
        try {
            newsroom.describeImage(id, form.text(form.altText()), form.text(form.caption()), form.text(form.credit()));
            redirect.addFlashAttribute("notice", "Words changed. Stories that show the image show them now.");
            return "redirect:/newsroom/images/" + id;
        } catch (RejectedException rejected) {
            rejected.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return imagePage(signedIn, image, form, model);
        }
    }

    private ImageRef kept(long id) {
        return images.find(id).orElseThrow(() -> new NotFoundException("There is no such image."));
    }

    private String imagePage(SignedIn signedIn, ImageRef image, WordsForm form, Model model) {
        model.addAttribute("staff", DeskStaff.of(signedIn));
        model.addAttribute("image", image);
        model.addAttribute("form", form);
        model.addAttribute("markdown", markdown(image));
        return "newsroom/image";
    }

    private String uploadPage(SignedIn signedIn, UploadForm form, @Nullable String fileProblem, Model model) {
        model.addAttribute("staff", DeskStaff.of(signedIn));
        model.addAttribute("form", form);
        model.addAttribute("fileProblem", fileProblem);
        model.addAttribute("maxMegabytes", Pictures.MAX_BYTES / (1024 * 1024));
        return "newsroom/image-upload";
    }

    /** Percent as typed, as a fraction; out of range stays out of range, for the newsroom to refuse. */
    private static double percent(@Nullable String typed, String field, BindingResult errors) {
        if (typed == null || typed.isBlank()) {
            return 0.5;
        }
        try {
            return Double.parseDouble(typed.strip()) / 100;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "invalid", "Give a number from 0 to 100, or click the picture.");
            return 0.5;
        }
    }

    /** Words to look for, each of letters and digits only, so that none can upset the search's syntax. */
    static List<String> words(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(MAX_QUERY_WORDS)
                .toList();
    }

    static String markdown(ImageRef image) {
        String alt = image.altText().replace("[", "(").replace("]", ")");
        String caption = image.caption().replace("\"", "”");
        return "![" + alt + "](/media/" + image.id() + (caption.isBlank() ? "" : " \"" + caption + "\"") + ")";
    }

    private static Choice choice(ImageRef image) {
        return new Choice(
                image.id(),
                image.altText(),
                image.caption(),
                image.credit(),
                image.width(),
                image.height(),
                image.address(ImageCrop.ORIGINAL, image.widthAtLeast(240), ImageFormat.WEBP),
                markdown(image));
    }
}
