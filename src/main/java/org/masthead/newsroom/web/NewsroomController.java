package org.masthead.newsroom.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.Fronts;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;
import org.masthead.newsroom.internal.ArticleEdit;
import org.masthead.newsroom.internal.ArticleState;
import org.masthead.newsroom.internal.BodyRenderer;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.DeskRepository;
import org.masthead.newsroom.internal.ImageRepository;
import org.masthead.newsroom.internal.Presence;
import org.masthead.newsroom.internal.Staff;
import org.masthead.newsroom.internal.StaffNames;
import org.masthead.newsroom.internal.WordDiff;
import org.masthead.newsroom.internal.wire.WireDesk;
import org.masthead.platform.ConflictException;
import org.masthead.platform.FormDates;
import org.masthead.platform.PageCacheProperties;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.masthead.platform.SiteProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The desk and the article editor: where stories are written, reviewed and published. */
@Controller
class NewsroomController {

    static final int LIST_SIZE = 20;
    static final int SEARCH_SIZE = 100;
    private static final String EDITOR = "newsroom/editor";
    private static final DateTimeFormatter EXAMPLE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final Desk desk;
    private final PublishedContent content;
    private final BodyRenderer bodies;
    private final StaffNames names;
    private final SiteProperties site;
    private final Presence presence;
    private final WireDesk wires;
    private final ImageRepository images;
    private final Fronts fronts;
    private final Clock clock;
    /** What an editor is told after a change readers see: the site has it, a browser may not yet. */
    private final String browsersMayLag;

    NewsroomController(
            Desk desk,
            PublishedContent content,
            BodyRenderer bodies,
            StaffNames names,
            SiteProperties site,
            Presence presence,
            WireDesk wires,
            ImageRepository images,
            Fronts fronts,
            PageCacheProperties pageCache,
            Clock clock) {
        this.desk = desk;
        this.content = content;
        this.bodies = bodies;
        this.names = names;
        this.site = site;
        this.presence = presence;
        this.wires = wires;
        this.images = images;
        this.fronts = fronts;
        this.clock = clock;
        this.browsersMayLag = browsersMayLag(pageCache);
    }

    /** What a filter of the desk asked for, as given, to show it again in the form. */
    record Search(String q, String state, String section, String author, String from, String to) {

        public boolean any() {
            return !(q + state + section + author + from + to).isBlank();
        }
    }

    /**
     * A row of a desk list, ready to show.
     *
     * @param section the section's name, under its parent's for a sub-section
     * @param sentBack the editor's note on a draft sent back to its writer; empty for any other
     */
    record Row(
            long id,
            String headline,
            ArticleState state,
            String section,
            String filedBy,
            Instant modifiedAt,
            @Nullable Instant publishedAt,
            @Nullable Instant scheduledFor,
            String sentBack) {}

    @GetMapping("/newsroom")
    String dashboard(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String author,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            Model model,
            HttpServletResponse response) {
        Staff staff = DeskStaff.of(signedIn);
        Search search = new Search(q.strip(), state.strip(), section.strip(), author.strip(), from.strip(), to.strip());
        model.addAttribute("staff", staff);
        model.addAttribute("search", search);
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("sections", content.sections());
        model.addAttribute("authors", content.authors());
        if (search.any()) {
            try {
                model.addAttribute("results", rows(desk.list(staff, criteria(search), SEARCH_SIZE)));
            } catch (RejectedException e) {
                // Said above the filter, which keeps what was asked: "No articles match" would be untrue.
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("filterError", e.detail());
            }
        }
        model.addAttribute("myDrafts", rows(desk.list(staff, only(staff.accountId(), ArticleState.DRAFT), LIST_SIZE)));
        model.addAttribute("inReview", rows(desk.list(staff, only(null, ArticleState.IN_REVIEW), LIST_SIZE)));
        model.addAttribute("scheduled", rows(desk.list(staff, only(null, ArticleState.SCHEDULED), LIST_SIZE)));
        model.addAttribute("published", rows(desk.list(staff, only(null, ArticleState.PUBLISHED), 10)));
        // Taken off the site, but still its writer's: without this list a journalist could not find it.
        model.addAttribute("unpublished", rows(desk.list(staff, only(null, ArticleState.UNPUBLISHED), 10)));
        return "newsroom/dashboard";
    }

    @GetMapping("/newsroom/articles/new")
    String newArticle(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        ArticleForm form =
                new ArticleForm("", "", "", null, "", List.of(), List.of(), "", "", true, "", false, null, null);
        return editor(DeskStaff.of(signedIn), null, form, model);
    }

    @PostMapping("/newsroom/articles")
    String create(
            @AuthenticationPrincipal SignedIn signedIn,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        ArticleEdit edit = edit(form, errors);
        if (errors.hasErrors()) {
            return editor(staff, null, form, model);
        }
        try {
            long id = desk.create(staff, edit);
            redirect.addFlashAttribute("notice", "Draft saved. It is yours until you submit it for review.");
            return "redirect:/newsroom/articles/" + id;
        } catch (RejectedException e) {
            reject(errors, e);
            return editor(staff, null, form, model);
        }
    }

    /** @param view the width of the preview of the article as readers see it: {@code desktop} or {@code phone} */
    @GetMapping("/newsroom/articles/{id:\\d{1,18}}")
    String article(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(defaultValue = "desktop") String view,
            Model model) {
        Staff staff = DeskStaff.of(signedIn);
        model.addAttribute("phone", view.equals("phone"));
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        return editor(staff, article, formOf(article), model);
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}")
    String save(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        String failed = saveFirst(staff, id, form, errors, model, response);
        if (failed != null) {
            return failed;
        }
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        redirect.addFlashAttribute("notice", savedNotice(staff, article));
        return "redirect:/newsroom/articles/" + id;
    }

    /**
     * What a save says. Unpublishing leaves the version as it was, so an editor who pressed "Update" on a
     * page opened while it was live is not refused: they are told plainly that readers do not see it.
     */
    private String savedNotice(Staff staff, DeskRepository.WorkingCopy article) {
        if (article.state().isLive()) {
            return "Updated: the site serves the change now, " + browsersMayLag;
        }
        if (article.state() == ArticleState.UNPUBLISHED) {
            return "Saved, but not on the site: "
                    + desk.lastStep(staff, article.id()).map(step -> step + ".").orElse("it is unpublished.")
                    + " Publish it again to put it back.";
        }
        return "Saved.";
    }

    /** Autosave (JSON, for editor.js): keeps the words without a page load; refuses a stale version like a save. */
    @PostMapping(value = "/newsroom/articles/{id:\\d{1,18}}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Autosaved> autosave(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors) {
        Staff staff = DeskStaff.of(signedIn);
        ArticleEdit edit = edit(form, errors);
        if (form.version() == null) {
            throw new RejectedException("No version", "version", "Say which version the changes are based on.");
        }
        if (errors.hasErrors()) {
            throw new RejectedException(
                    "Not saved",
                    String.valueOf(errors.getFieldErrors().getFirst().getDefaultMessage()));
        }
        try {
            Desk.Saved saved = desk.save(staff, id, form.version(), edit, true);
            return ResponseEntity.ok(new Autosaved(
                    saved.version(),
                    saved.at().toString(),
                    "Saved automatically at " + ClockTime.of(saved.at(), site.timeZone()) + ".",
                    null,
                    null));
        } catch (ConflictException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new Autosaved(
                            form.version(), null, null, e.detail(), differences(id, form.version(), (Integer)
                                    e.properties().get("version"))));
        }
    }

    /**
     * What autosave answers.
     *
     * @param saved what the editor page says of a save, with its time written as the site writes times
     *     (the browser's own clock format would say "02:47 AM")
     * @param conflict why the changes were not saved, when someone else (or another window) saved first
     * @param differences where to see what they changed
     */
    record Autosaved(
            int version,
            @Nullable String savedAt,
            @Nullable String saved,
            @Nullable String conflict,
            @Nullable String differences) {}

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/submit")
    String submit(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        String failed = saveFirst(staff, id, form, errors, model, response);
        if (failed != null) {
            return failed;
        }
        desk.submit(staff, id);
        redirect.addFlashAttribute("notice", "Submitted for review. The editors have it now.");
        return "redirect:/newsroom/articles/" + id;
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/publish")
    String publish(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        String failed = saveFirst(staff, id, form, errors, model, response);
        if (failed != null) {
            return failed;
        }
        try {
            desk.publish(staff, id);
        } catch (RejectedException e) {
            return notReady(staff, id, "Saved, not published.", e, model, response);
        }
        redirect.addFlashAttribute("notice", "Published. It is on the site now.");
        return "redirect:/newsroom/articles/" + id;
    }

    /** Saves the form as it stands, then sets the time the article goes out on its own. */
    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/schedule")
    String schedule(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @ModelAttribute("form") ArticleForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "") String publishAt,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        desk.open(staff, id);
        ArticleForm typed = RejectedException.unlessUnreadable(form, errors);
        // The time is checked before the form is saved: a refused schedule leaves no new version behind.
        Instant at;
        try {
            at = FormDates.minute(publishAt, site.timeZone());
            desk.requireFuture(at);
        } catch (DateTimeException e) {
            return refused(
                    staff,
                    id,
                    new Refused(
                            "Not scheduled.",
                            "publishAt",
                            publishAt,
                            "Give a date and time to publish at, such as " + exampleTime() + "."),
                    typed,
                    HttpStatus.BAD_REQUEST,
                    model,
                    response);
        } catch (RejectedException e) {
            return refused(
                    staff,
                    id,
                    new Refused("Not scheduled.", "publishAt", publishAt, e.detail()),
                    typed,
                    HttpStatus.BAD_REQUEST,
                    model,
                    response);
        }
        String failed = saveFirst(staff, id, form, errors, model, response);
        if (failed != null) {
            return failed;
        }
        try {
            desk.schedule(staff, id, at);
        } catch (RejectedException e) {
            return notReady(staff, id, "Saved, not scheduled.", e, model, response);
        }
        // The page words it, in the site's zone, as it shows every time.
        redirect.addFlashAttribute("scheduledAt", at);
        return "redirect:/newsroom/articles/" + id;
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/unschedule")
    String unschedule(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        desk.unschedule(DeskStaff.of(signedIn), id);
        redirect.addFlashAttribute("notice", "Taken off the schedule: it is a draft again.");
        return "redirect:/newsroom/articles/" + id;
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/corrections")
    String correct(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(defaultValue = "CORRECTION") String kind,
            @RequestParam(defaultValue = "") String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        boolean clarification = kind.equalsIgnoreCase("CLARIFICATION");
        try {
            desk.correct(staff, id, clarification, text);
        } catch (RejectedException | ConflictException e) {
            return refused(staff, id, new Refused("Not added.", "text", text, e.detail()), e, model, response);
        }
        redirect.addFlashAttribute(
                "notice",
                (clarification ? "Clarification" : "Correction")
                        + " added: the site shows it under the article and on the corrections page, "
                        + browsersMayLag);
        return "redirect:/newsroom/articles/" + id;
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/send-back")
    String sendBack(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        try {
            desk.sendBack(staff, id, note);
        } catch (RejectedException | ConflictException e) {
            return refused(staff, id, new Refused("Not sent back.", "note", note, e.detail()), e, model, response);
        }
        redirect.addFlashAttribute("notice", "Sent back to its journalist with your note.");
        return "redirect:/newsroom/articles/" + id;
    }

    @PostMapping("/newsroom/articles/{id:\\d{1,18}}/unpublish")
    String unpublish(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String replacement,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Staff staff = DeskStaff.of(signedIn);
        try {
            desk.unpublish(staff, id, replacement);
        } catch (RejectedException | ConflictException e) {
            return refused(
                    staff,
                    id,
                    new Refused("Not unpublished.", "replacement", replacement, e.detail()),
                    e,
                    model,
                    response);
        }
        redirect.addFlashAttribute(
                "notice",
                replacement.isBlank()
                        ? "Unpublished: its address now tells readers it is gone, " + browsersMayLag
                        : "Unpublished: its address now sends readers to the replacement, " + browsersMayLag);
        return "redirect:/newsroom/articles/" + id;
    }

    /** The live preview beside the editor: the body as readers would get it, allow-listed like the real thing. */
    @PostMapping(value = "/newsroom/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(
            @RequestParam(defaultValue = "") @Size(max = Desk.BODY_MAX, message = "The body is too long to preview.")
                    String body) {
        return bodies.toHtml(body);
    }

    @GetMapping("/newsroom/log")
    String log(
            @AuthenticationPrincipal SignedIn signedIn,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        Staff staff = DeskStaff.of(signedIn);
        List<DeskRepository.AuditEntry> entries = desk.log(staff, before, 100);
        model.addAttribute("staff", staff);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "names",
                names.of(entries.stream()
                        .map(DeskRepository.AuditEntry::accountId)
                        .toList()));
        model.addAttribute("older", entries.size() == 100 ? entries.getLast().id() : null);
        model.addAttribute("fronts", fronts.all().stream().collect(Collectors.toMap(Front::key, Function.identity())));
        model.addAttribute(
                "sections", content.sections().stream().collect(Collectors.toMap(Section::id, Function.identity())));
        return "newsroom/log";
    }

    /**
     * Saves the form first when it carries a version, so that "Submit" and "Publish" take the words as
     * they stand. Answers the editor page to show instead, when the save was refused.
     */
    private @Nullable String saveFirst(
            Staff staff,
            long id,
            @Nullable ArticleForm submitted,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        ArticleForm form = RejectedException.unlessUnreadable(submitted, errors);
        if (form.version() == null) {
            return null;
        }
        ArticleEdit edit = edit(form, errors);
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        if (errors.hasErrors()) {
            return editor(staff, article, form, model);
        }
        try {
            desk.save(staff, id, form.version(), edit, false);
            return null;
        } catch (RejectedException e) {
            reject(errors, e);
            return editor(staff, article, form, model);
        } catch (ConflictException e) {
            DeskRepository.WorkingCopy now = desk.open(staff, id);
            model.addAttribute("conflict", e.detail());
            model.addAttribute("conflictBySelf", "You".equals(e.properties().get("savedBy")));
            model.addAttribute("conflictDifferences", differences(id, form.version(), now.version()));
            model.addAttribute(
                    "conflictDiff",
                    WordDiff.between(
                            wordsOf(
                                    now.words().headline(),
                                    now.words().standfirst(),
                                    now.words().bodySource()),
                            wordsOf(form.text(form.headline()), form.text(form.standfirst()), form.text(form.body()))));
            response.setStatus(HttpStatus.CONFLICT.value());
            // The page keeps what they typed, but any further save starts from the version saved now.
            ArticleForm rebased = new ArticleForm(
                    form.headline(),
                    form.standfirst(),
                    form.body(),
                    form.sectionId(),
                    form.slug(),
                    form.topics(),
                    form.bylines(),
                    form.seoTitle(),
                    form.seoDescription(),
                    form.commentsEnabled(),
                    form.commentsCloseAt(),
                    form.premium(),
                    now.version(),
                    form.mainImageId());
            return editor(staff, now, rebased, model);
        }
    }

    /**
     * An action of the editor page's own small forms (schedule, send back, correct, unpublish) that was refused.
     *
     * @param outcome what the page says at the top: that nothing was done
     * @param field the field at fault
     * @param typed what was typed in it, to show again
     * @param reason what to change, shown beside the field
     */
    record Refused(String outcome, String field, String typed, String reason) {}

    /**
     * The editor page again, as it stands, with the refused form keeping what was typed and saying why:
     * 400 for what was typed, 409 when someone acted first (the reason says who, and when).
     */
    private String refused(
            Staff staff, long id, Refused refused, RefusedException why, Model model, HttpServletResponse response) {
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        return refused(staff, id, refused, formOf(article), why.status(), model, response);
    }

    /** @param form the article's form as it should show, with any changes typed into it that are not saved */
    private String refused(
            Staff staff,
            long id,
            Refused refused,
            ArticleForm form,
            HttpStatus status,
            Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("notice", refused.outcome() + " " + refused.reason());
        model.addAttribute("refused", refused);
        return editor(staff, desk.open(staff, id), form, model);
    }

    /** The form was saved, but the article cannot go out as it stands: the fields at fault say why. */
    private String notReady(
            Staff staff, long id, String outcome, RejectedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("notice", outcome + " " + e.detail());
        DeskRepository.WorkingCopy article = desk.open(staff, id);
        ArticleForm saved = formOf(article);
        String view = editor(staff, article, saved, model);
        // The form shown is the one saved, at its new version: its fields carry the refusal.
        BindingResult marked = new DirectFieldBindingResult(saved, "form");
        reject(marked, e);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", marked);
        return view;
    }

    /** A time to come, as the date and time picker shows one: 07:00 tomorrow. */
    private String exampleTime() {
        ZonedDateTime tomorrow =
                ZonedDateTime.now(clock.withZone(site.timeZone())).plusDays(1);
        return EXAMPLE_TIME.format(tomorrow.withHour(7).withMinute(0));
    }

    /** "11 minutes", "a minute", "90 seconds". */
    /** The end of a message that a change is served: how long a browser's earlier copy may still be shown. */
    static String browsersMayLag(PageCacheProperties pageCache) {
        return "though a reader's browser may show its earlier copy of a page for up to "
                + inWords(pageCache.browserStaleness()) + ".";
    }

    static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 != 0) {
            return seconds == 1 ? "a second" : seconds + " seconds";
        }
        return seconds == 60 ? "a minute" : seconds / 60 + " minutes";
    }

    static String wordsOf(String headline, String standfirst, String body) {
        return headline + "\n\n" + standfirst + "\n\n" + body;
    }

    private static String differences(long id, int from, @Nullable Integer to) {
        return "/newsroom/articles/" + id + "/revisions?from=" + from + (to == null ? "" : "&to=" + to);
    }

    private String editor(Staff staff, DeskRepository.@Nullable WorkingCopy article, ArticleForm form, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("sections", content.sections());
        model.addAttribute("topicNames", content.tags().stream().map(Tag::name).toList());
        model.addAttribute(
                "authorNames", content.authors().stream().map(Author::name).toList());
        model.addAttribute("zone", site.timeZone().getId());
        model.addAttribute(
                "mainImage",
                form.mainImageId() == null
                        ? null
                        : images.find(form.mainImageId()).orElse(null));
        model.addAttribute("mayEdit", article == null || desk.mayEdit(staff, article));
        model.addAttribute(
                "scheduledFor",
                article == null || article.scheduledFor() == null
                        ? ""
                        : FormDates.minute(article.scheduledFor(), site.timeZone()));
        if (article != null) {
            model.addAttribute(
                    "live",
                    article.state().isLive() ? content.article(article.id()).orElse(null) : null);
            List<DeskRepository.AuditEntry> history = desk.history(staff, article.id());
            model.addAttribute("history", history);
            Set<@Nullable Long> people = new HashSet<>();
            history.forEach(entry -> people.add(entry.accountId()));
            people.add(article.createdBy());
            model.addAttribute("names", names.of(people));
            model.addAttribute(
                    "othersHere", PresenceController.othersHere(presence.open(staff, article.id()), site.timeZone()));
            model.addAttribute("heartbeatSeconds", Presence.HEARTBEAT.toSeconds());
            model.addAttribute("wireOrigin", wires.madeInto(article.id()).orElse(null));
        }
        return EDITOR;
    }

    private ArticleForm formOf(DeskRepository.WorkingCopy article) {
        Desk.Placement placement = desk.placement(article.id());
        Instant closes = article.settings().commentsCloseAt();
        return new ArticleForm(
                article.words().headline(),
                article.words().standfirst(),
                article.words().bodySource(),
                article.settings().sectionId(),
                article.settings().slug(),
                placement.topics(),
                placement.bylines(),
                article.words().seoTitle(),
                article.words().seoDescription(),
                article.settings().commentsEnabled(),
                closes == null ? "" : FormDates.minute(closes, site.timeZone()),
                article.settings().premium(),
                article.version(),
                article.settings().mainImageId());
    }

    /** The form as the workflow takes it; what cannot be read (a date) becomes a field error. */
    private ArticleEdit edit(@Nullable ArticleForm submitted, BindingResult errors) {
        ArticleForm form = RejectedException.unlessUnreadable(submitted, errors);
        Instant closesAt = null;
        String closes = form.text(form.commentsCloseAt()).strip();
        if (!closes.isEmpty()) {
            try {
                closesAt = FormDates.minute(closes, site.timeZone());
            } catch (DateTimeException e) {
                errors.rejectValue(
                        "commentsCloseAt",
                        "invalid",
                        "Give a date and time such as 2026-11-28T18:00, or leave it empty.");
            }
        }
        return new ArticleEdit(
                form.text(form.headline()),
                form.text(form.standfirst()),
                form.text(form.body()).replace("\r\n", "\n"),
                form.sectionId(),
                form.text(form.slug()),
                form.topics() == null ? List.of() : form.topics(),
                form.bylines() == null ? List.of() : form.bylines(),
                form.text(form.seoTitle()),
                form.text(form.seoDescription()),
                Boolean.TRUE.equals(form.commentsEnabled()),
                closesAt,
                Boolean.TRUE.equals(form.premium()),
                form.mainImageId());
    }

    private static void reject(BindingResult errors, RejectedException e) {
        e.fieldErrors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
        if (e.fieldErrors().isEmpty()) {
            errors.reject("invalid", e.detail());
        }
    }

    private List<Row> rows(List<DeskRepository.Listed> listed) {
        Map<Long, String> sections =
                content.sections().stream().collect(Collectors.toMap(Section::id, this::sectionLabel));
        Map<Long, String> filers =
                names.of(listed.stream().map(DeskRepository.Listed::createdBy).toList());
        List<Row> rows = new ArrayList<>(listed.size());
        for (DeskRepository.Listed item : listed) {
            rows.add(new Row(
                    item.id(),
                    item.headline(),
                    item.state(),
                    sections.getOrDefault(item.sectionId(), ""),
                    item.createdBy() == null
                            ? StaffNames.NOBODY
                            : filers.getOrDefault(item.createdBy(), StaffNames.NOBODY),
                    item.modifiedAt(),
                    item.publishedAt(),
                    item.scheduledFor(),
                    item.state() == ArticleState.DRAFT ? item.reviewNote() : ""));
        }
        return rows;
    }

    /** "World › Asia" for a sub-section: the names the site shows, not the addresses. */
    private String sectionLabel(Section section) {
        return content.lineageOf(section).stream().map(Section::name).collect(Collectors.joining(" › "));
    }

    private static DeskRepository.Criteria only(@Nullable Long createdBy, ArticleState state) {
        return new DeskRepository.Criteria(createdBy, state, null, null, null, null, null);
    }

    private DeskRepository.Criteria criteria(Search search) {
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleState state =
                parse(search.state(), "state", errors, s -> ArticleState.valueOf(s.toUpperCase(Locale.ROOT)));
        Long section = parse(search.section(), "section", errors, Long::valueOf);
        Long author = parse(search.author(), "author", errors, Long::valueOf);
        LocalDate from = parse(search.from(), "from", errors, FormDates::day);
        LocalDate to = parse(search.to(), "to", errors, FormDates::day);
        if (!errors.isEmpty()) {
            throw new RejectedException(
                    "Bad filter",
                    "A filter of the desk could not be read: "
                            + errors.values().iterator().next(),
                    errors);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new RejectedException(
                    "Bad filter",
                    "to",
                    "“Changed from” is after “Changed until”: swap the dates to find what changed between them.");
        }
        return new DeskRepository.Criteria(
                null,
                state,
                section,
                author,
                search.q().isEmpty() ? null : search.q(),
                from == null ? null : from.atStartOfDay(site.timeZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(site.timeZone()).toInstant());
    }

    private static <T> @Nullable T parse(
            String text, String field, Map<String, String> errors, Function<String, T> parser) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            errors.put(field, "'" + text + "' is not a " + field + " the desk knows.");
            return null;
        }
    }
}
