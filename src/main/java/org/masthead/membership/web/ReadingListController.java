package org.masthead.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ConflictException;
import org.masthead.platform.RefusedException;
import org.masthead.platform.RejectedException;
import org.masthead.site.Links;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reading list page: the member's saved articles ("Saved") or one of their collections, searched by
 * headline and standfirst, newest saved or newest published first, a page at a time, all or unread only.
 * Each article has its private note and the collections it is in; the member makes, renames and deletes
 * collections here. Plain forms, so the page works without JavaScript; each form carries the view it was
 * sent from and comes back to it, at the article it was about (or the one that now follows it, once it has
 * left the view), with a notice of what was done. A form's bad input comes back on the page, beside its
 * field. A reader without Premium is told how many articles are kept for them and how to get them back.
 */
@Controller
@RequestMapping("/reading-list")
class ReadingListController {

    static final int PAGE_SIZE = 20;

    /** The flash attributes of the notice after a form: what was done, and the article it is shown at. */
    static final String NOTICE = "notice";

    static final String NOTICE_AT = "noticeAt";

    /** The id of the page's heading, where the member lands when no article is left to come back to. */
    static final String HEADING = "reading-list-heading";

    private final Membership membership;
    private final ReadingList readingList;
    private final PublishedContent content;
    private final Links links;

    ReadingListController(Membership membership, ReadingList readingList, PublishedContent content, Links links) {
        this.membership = membership;
        this.readingList = readingList;
        this.content = content;
        this.links = links;
    }

    /** Which part of the list a page shows; every form sends it back so the member returns to it. */
    record ListView(
            @Nullable Long collection,
            @Nullable String q,
            @Nullable String sort,
            @Nullable Boolean unread,
            @Nullable String after) {

        public boolean unreadOnly() {
            return Boolean.TRUE.equals(unread);
        }

        ReadingList.Query query() {
            return new ReadingList.Query(unreadOnly(), collection, search(), ReadingList.Sort.parse(sort));
        }

        public String search() {
            return ReadingList.searchable(q);
        }

        public String sortName() {
            return ReadingList.Sort.parse(sort).name().toLowerCase(Locale.ROOT);
        }

        /** The address of this view, on the page it is on. */
        String here() {
            return path(ReadingList.Cursor.parse(after).map(Object::toString).orElse(null));
        }

        /** The address of this view, with another page's cursor when given. */
        String path(@Nullable String after) {
            List<String> parts = new ArrayList<>();
            if (collection != null) {
                parts.add("collection=" + collection);
            }
            if (!search().isEmpty()) {
                // %20 for a space, not "+": the notice after a form is matched to this address's decoded query.
                parts.add("q="
                        + URLEncoder.encode(search(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            if (ReadingList.Sort.parse(sort) != ReadingList.Sort.SAVED) {
                parts.add("sort=" + sortName());
            }
            if (unreadOnly()) {
                parts.add("unread=true");
            }
            if (after != null) {
                parts.add("after=" + after);
            }
            return "/reading-list" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
        }

        ListView in(@Nullable Long other) {
            return new ListView(other, q, sort, unread, null);
        }
    }

    record NameForm(
            @NotBlank(message = "Give the collection a name.")
                    @Size(
                            max = ReadingList.MAX_NAME,
                            message = "A collection's name can be up to " + ReadingList.MAX_NAME + " characters long.")
                    @Nullable
                    String name) {}

    record NoteForm(@Size(max = ReadingList.MAX_NOTE, message = ReadingList.NOTE_TOO_LONG) @Nullable String note) {}

    /** A form's bad input, to show beside its field: {@code target} is "new", a collection's or an article's id. */
    record FormError(String field, String target, String message, String value) {}

    /** A saved article as the page lists it; one since unpublished is listed without a link. */
    record Item(
            long articleId,
            String headline,
            @Nullable String standfirst,
            @Nullable String path,
            boolean read,
            @Nullable String note,
            List<ReadingList.Collection> collections,
            List<ReadingList.Collection> otherCollections) {}

    @GetMapping
    String page(@AuthenticationPrincipal SignedIn reader, ListView view, Model model) {
        return page(reader, view, null, model);
    }

    @PostMapping("/collections/new")
    Object create(
            @AuthenticationPrincipal SignedIn reader,
            ListView view,
            @Valid @ModelAttribute("nameForm") NameForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        readingList.requirePremium(reader.accountId());
        if (errors.hasErrors()) {
            return invalid(reader, view, "name", "new", errors, form.name(), model, response);
        }
        try {
            long id = readingList.createCollection(reader.accountId(), form.name());
            String name = readingList.collection(reader.accountId(), id).name();
            return toHeading(view.in(id), "Collection “" + name + "” made", redirect);
        } catch (RejectedException | ConflictException e) {
            return invalid(
                    reader, view, new FormError("name", "new", message(e), value(form.name())), e, model, response);
        }
    }

    @PostMapping("/collections/{collectionId}/rename")
    Object rename(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long collectionId,
            ListView view,
            @Valid @ModelAttribute("nameForm") NameForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        readingList.requirePremium(reader.accountId());
        String target = Long.toString(collectionId);
        if (errors.hasErrors()) {
            return invalid(reader, view, "name", target, errors, form.name(), model, response);
        }
        try {
            readingList.renameCollection(reader.accountId(), collectionId, form.name());
            String name =
                    readingList.collection(reader.accountId(), collectionId).name();
            return toHeading(view, "Collection renamed to “" + name + "”", redirect);
        } catch (RejectedException e) {
            return invalid(
                    reader, view, new FormError("name", target, message(e), value(form.name())), e, model, response);
        }
    }

    @PostMapping("/collections/{collectionId}/delete")
    View delete(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long collectionId,
            ListView view,
            RedirectAttributes redirect) {
        String name = readingList.collection(reader.accountId(), collectionId).name();
        readingList.deleteCollection(reader.accountId(), collectionId);
        ListView back = Long.valueOf(collectionId).equals(view.collection()) ? view.in(null) : view;
        return toHeading(back, "Collection “" + name + "” deleted: its articles are still saved", redirect);
    }

    @PostMapping("/{articleId}/collections")
    View addToCollection(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            @RequestParam(name = "to", required = false) @Nullable Long collectionId,
            ListView view,
            RedirectAttributes redirect) {
        readingList.requirePremium(reader.accountId());
        if (collectionId == null) {
            throw new RejectedException("Collection needed", "to", "Choose the collection to add it to.");
        }
        readingList.addToCollection(reader.accountId(), articleId, collectionId);
        String name = readingList.collection(reader.accountId(), collectionId).name();
        return backTo(view, articleId, "Added to “" + name + "”", redirect);
    }

    @PostMapping("/{articleId}/collections/{collectionId}/remove")
    View removeFromCollection(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            @PathVariable long collectionId,
            ListView view,
            RedirectAttributes redirect) {
        String name = readingList.collection(reader.accountId(), collectionId).name();
        Optional<ReadingList.Entry> entry = readingList.entry(reader.accountId(), articleId);
        readingList.removeFromCollection(reader.accountId(), articleId, collectionId);
        String notice = "Taken out of “" + name + "”";
        return Long.valueOf(collectionId).equals(view.collection())
                ? onFrom(reader, view, entry, notice, redirect)
                : backTo(view, articleId, notice, redirect);
    }

    @PostMapping("/{articleId}/note")
    Object note(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            ListView view,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        readingList.requirePremium(reader.accountId());
        String target = Long.toString(articleId);
        if (errors.hasErrors()) {
            return invalid(reader, view, "note", target, errors, form.note(), model, response);
        }
        try {
            readingList.setNote(reader.accountId(), articleId, form.note());
            boolean blank = form.note() == null || form.note().isBlank();
            return backTo(view, articleId, blank ? "Note removed" : "Note saved", redirect);
        } catch (RejectedException e) {
            return invalid(
                    reader, view, new FormError("note", target, message(e), value(form.note())), e, model, response);
        }
    }

    @PostMapping("/{articleId}/read")
    View markRead(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            @RequestParam(defaultValue = "true") boolean read,
            ListView view,
            RedirectAttributes redirect) {
        Optional<ReadingList.Entry> entry = readingList.entry(reader.accountId(), articleId);
        readingList.markRead(reader.accountId(), articleId, read);
        String notice = read ? "Marked as read" : "Marked unread";
        // Read while only the unread are shown, it has left the page: the member goes on to the next one.
        return read && view.unreadOnly()
                ? onFrom(reader, view, entry, notice, redirect)
                : backTo(view, articleId, notice, redirect);
    }

    @PostMapping("/{articleId}/remove")
    View remove(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            ListView view,
            RedirectAttributes redirect) {
        Optional<ReadingList.Entry> entry = readingList.entry(reader.accountId(), articleId);
        readingList.remove(reader.accountId(), articleId);
        String headline = entry.map(ReadingList.Entry::headline)
                .filter(h -> !h.isEmpty())
                .orElse("an article no longer published");
        return onFrom(reader, view, entry, "Removed from your reading list: " + headline, redirect);
    }

    /** Back to the article the member was at, on the page they were on, with what was done. */
    private static View backTo(ListView view, long articleId, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute(NOTICE, notice);
        redirect.addFlashAttribute(NOTICE_AT, articleId);
        return Redirects.seeOther(view.here() + "#saved-" + articleId);
    }

    /** The article has left the view: on to the one that now follows it there, or the heading if none does. */
    private View onFrom(
            SignedIn reader,
            ListView view,
            Optional<ReadingList.Entry> left,
            String notice,
            RedirectAttributes redirect) {
        Optional<Long> next = left.flatMap(entry -> readingList.following(reader.accountId(), view.query(), entry));
        return next.isPresent() ? backTo(view, next.get(), notice, redirect) : toHeading(view, notice, redirect);
    }

    /** To the top of the view, for a change to the list as a whole, with what was done. */
    private static View toHeading(ListView view, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute(NOTICE, notice);
        return Redirects.seeOther(view.here() + "#" + HEADING);
    }

    private String page(SignedIn reader, ListView view, @Nullable FormError error, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("error", error);
        if (!membership.isPremium(reader.accountId())) {
            model.addAttribute("premium", false);
            model.addAttribute("kept", readingList.size(reader.accountId()));
            model.addAttribute("offlineArticles", OfflineReadingController.KEPT);
            return "membership/reading-list";
        }
        ReadingList.Query query = view.query();
        List<ReadingList.Collection> collections = readingList.collections(reader.accountId());
        ReadingList.Collection current =
                view.collection() == null ? null : readingList.collection(reader.accountId(), view.collection());
        List<ReadingList.Entry> entries = readingList.page(
                reader.accountId(),
                query,
                ReadingList.Cursor.parse(view.after()).orElse(null),
                PAGE_SIZE);
        Map<Long, ArticleCard> cards = content
                .cards(entries.stream()
                        .filter(ReadingList.Entry::published)
                        .map(ReadingList.Entry::articleId)
                        .toList())
                .stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        Map<Long, ReadingList.Collection> byId =
                collections.stream().collect(Collectors.toMap(ReadingList.Collection::id, Function.identity()));
        model.addAttribute("premium", true);
        model.addAttribute("collections", collections);
        model.addAttribute("current", current);
        model.addAttribute("saved", ReadingList.SAVED);
        // "Saved" is counted as each collection is, so the reader sees what each list holds.
        model.addAttribute("savedCount", readingList.size(reader.accountId()));
        model.addAttribute(
                "items", entries.stream().map(e -> item(e, cards, byId)).toList());
        model.addAttribute(
                "next",
                entries.size() == PAGE_SIZE
                        ? view.path(ReadingList.Cursor.after(entries.getLast(), query.sort())
                                .toString())
                        : null);
        return "membership/reading-list";
    }

    private String invalid(
            SignedIn reader,
            ListView view,
            String field,
            String target,
            BindingResult errors,
            @Nullable String value,
            Model model,
            HttpServletResponse response) {
        String message = errors.getFieldErrors(field).stream()
                .findFirst()
                .map(e -> e.getDefaultMessage() == null ? "Check this field." : e.getDefaultMessage())
                .orElse("Check this field.");
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(reader, view, new FormError(field, target, message, value(value)), model);
    }

    /** The form comes back with the refusal's words beside the field, and the refusal's status. */
    private String invalid(
            SignedIn reader,
            ListView view,
            FormError error,
            RefusedException refused,
            Model model,
            HttpServletResponse response) {
        response.setStatus(refused.status().value());
        return page(reader, view, error, model);
    }

    private static String message(RefusedException e) {
        return e instanceof RejectedException rejected
                ? rejected.fieldErrors().values().stream().findFirst().orElse(e.detail())
                : e.detail();
    }

    /** What was typed, cut to a length the page can show back. */
    private static String value(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return value.length() > ReadingList.MAX_NOTE ? value.substring(0, ReadingList.MAX_NOTE) : value;
    }

    private Item item(
            ReadingList.Entry entry, Map<Long, ArticleCard> cards, Map<Long, ReadingList.Collection> collections) {
        ArticleCard card = cards.get(entry.articleId());
        List<ReadingList.Collection> in = entry.collectionIds().stream()
                .map(collections::get)
                .filter(Objects::nonNull)
                .toList();
        List<ReadingList.Collection> others = collections.values().stream()
                .filter(c -> !entry.collectionIds().contains(c.id()))
                .sorted(Comparator.comparing(
                        (ReadingList.Collection c) -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
        String headline = card != null
                ? card.headline()
                : entry.headline().isEmpty() ? "An article no longer published" : entry.headline();
        return new Item(
                entry.articleId(),
                headline,
                card != null ? card.standfirst() : null,
                card != null ? links.article(card) : null,
                entry.readAt() != null,
                entry.note(),
                in,
                others);
    }
}
