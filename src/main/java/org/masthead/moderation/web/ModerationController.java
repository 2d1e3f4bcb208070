package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.SignedIn;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.internal.Appeals;
import org.masthead.moderation.internal.Decisions;
import org.masthead.moderation.internal.Decisions.Item;
import org.masthead.moderation.internal.ReaderNotes;
import org.masthead.moderation.internal.SanctionDesk;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation console: the queues, each comment with its article, thread and author, and decisions. */
@Controller
class ModerationController {

    private static final int CONTEXT = 20;
    private static final int HISTORY = 5;

    private final Decisions decisions;
    private final ReaderNotes notes;
    private final Appeals appeals;
    private final Discussion discussion;
    private final Accounts accounts;
    private final PublishedContent content;

    ModerationController(
            Decisions decisions,
            ReaderNotes notes,
            Appeals appeals,
            Discussion discussion,
            Accounts accounts,
            PublishedContent content) {
        this.decisions = decisions;
        this.notes = notes;
        this.appeals = appeals;
        this.discussion = discussion;
        this.accounts = accounts;
        this.content = content;
    }

    @GetMapping("/moderation")
    String queue(
            @RequestParam(defaultValue = "held") String queue,
            @RequestParam(required = false) @Nullable Long article,
            @RequestParam(required = false) @Nullable Long reader,
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(required = false) @Nullable String reason,
            Model model) {
        Decisions.Filter filter = new Decisions.Filter(article, reader, blankAsNull(step), blankAsNull(reason));
        if (reader != null && accounts.find(reader).isEmpty()) {
            // A deleted reader's account stays, as "a former reader"; this one never existed.
            throw new org.masthead.platform.NotFoundException("There is no such reader.");
        }
        var items = decisions.queue(queue, filter);
        Map<Long, java.util.List<org.masthead.discussion.DiscussedComment>> threads = new java.util.HashMap<>();
        Map<Long, java.util.List<org.masthead.discussion.DiscussedComment>> histories = new java.util.HashMap<>();
        Set<Long> people = new HashSet<>();
        Set<Long> articles = new HashSet<>();
        for (Item item : items) {
            var comment = item.comment();
            people.add(comment.authorId());
            articles.add(comment.articleId());
            if (comment.parentId() != null) {
                var thread = discussion.threadOf(comment.id(), CONTEXT);
                threads.put(comment.id(), thread);
                thread.forEach(c -> people.add(c.authorId()));
            }
            histories.put(
                    comment.id(),
                    discussion.latestBy(comment.authorId(), HISTORY + 1).stream()
                            .filter(c -> c.id() != comment.id())
                            .limit(HISTORY)
                            .toList());
        }
        var reports = discussion.reports(
                items.stream().map(item -> item.comment().id()).toList());
        reports.values().forEach(list -> list.forEach(report -> people.add(report.reporterId())));
        if (reader != null) {
            people.add(reader);
        }
        if (article != null) {
            articles.add(article);
        }
        Map<Long, String> names = accounts.publicReaders(people).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displayName()));
        Map<Long, String> headlines = new java.util.HashMap<>();
        articles.forEach(
                id -> content.commentSettings(id).ifPresent(settings -> headlines.put(id, settings.headline())));
        model.addAttribute("queue", queue);
        model.addAttribute("filter", filter);
        model.addAttribute("back", query(filter));
        if (!model.containsAttribute("ticked")) {
            model.addAttribute("ticked", Set.of());
        }
        model.addAttribute("checks", Decisions.HOLDING_CHECKS);
        model.addAttribute("queues", Decisions.QUEUES);
        model.addAttribute("counts", decisions.counts());
        model.addAttribute("items", items);
        model.addAttribute(
                "anyHeld", items.stream().anyMatch(item -> item.comment().held()));
        model.addAttribute("threads", threads);
        model.addAttribute("orphans", orphans(items));
        model.addAttribute("histories", histories);
        model.addAttribute("reports", reports);
        Set<Long> authors = items.stream()
                .map(item -> item.comment().authorId())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        model.addAttribute("notes", notes.on(authors));
        Map<Long, java.util.List<Appeals.Decided>> records = new java.util.HashMap<>();
        authors.forEach(author -> records.put(author, appeals.about(author)));
        model.addAttribute("records", records);
        model.addAttribute(
                "picked",
                discussion.picked(
                        items.stream().map(item -> item.comment().id()).toList()));
        model.addAttribute("names", names);
        model.addAttribute("headlines", headlines);
        model.addAttribute("reasons", Decisions.REJECTION_REASONS);
        model.addAttribute("rules", SanctionDesk.RULES);
        return "moderation/queue";
    }

    @PostMapping("/moderation/comments/{id:\\d{1,18}}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "held") String queue,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) @Nullable Long next,
            @AuthenticationPrincipal SignedIn moderator,
            RedirectAttributes redirect) {
        decide(redirect, () -> decisions.approve(id, moderator.accountId()), "Approved: the comment is published.");
        return backTo(queue, back, next);
    }

    @PostMapping("/moderation/comments/{id:\\d{1,18}}/keep")
    String keep(
            @PathVariable long id,
            @RequestParam(defaultValue = "reported") String queue,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) @Nullable Long next,
            @AuthenticationPrincipal SignedIn moderator,
            RedirectAttributes redirect) {
        decide(
                redirect,
                () -> decisions.keep(id, moderator.accountId()),
                "Kept: the comment stays in the conversation, and its reports are closed.");
        return backTo(queue, back, next);
    }

    @PostMapping("/moderation/comments/{id:\\d{1,18}}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(defaultValue = "held") String queue,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(required = false) @Nullable Long next,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!Decisions.REJECTION_REASONS.containsKey(reason)) {
            return refused(
                    queue,
                    back,
                    "Nothing was decided. Choose the reason the comment is rejected for.",
                    model,
                    response);
        }
        decide(
                redirect,
                () -> decisions.reject(id, moderator.accountId(), reason, note),
                "Rejected: the comment is out of the conversation, and its author sees why.");
        return backTo(queue, back, next);
    }

    /**
     * Approves or rejects every chosen comment, each on its own: one that another moderator decided
     * first is counted and left alone, never an error for the rest.
     */
    @PostMapping("/moderation/bulk")
    String bulk(
            @RequestParam(defaultValue = "held") String queue,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(name = "ids", required = false) java.util.@Nullable List<Long> ids,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String problem = null;
        if (!action.equals("approve") && !action.equals("reject")) {
            problem = "Choose to approve or to reject.";
        } else if (ids == null || ids.isEmpty()) {
            problem = "Tick the comments to " + action + " first.";
        } else if (ids.size() > Decisions.QUEUE_SIZE) {
            problem = "Decide at most " + Decisions.QUEUE_SIZE + " comments at once, a page of the queue.";
        } else if (action.equals("reject") && !Decisions.REJECTION_REASONS.containsKey(reason)) {
            problem = "Choose why they are rejected.";
        }
        if (problem != null || ids == null) {
            // The ticks stay, so that the moderator puts right what was missing rather than ticking again.
            model.addAttribute("ticked", ids == null ? Set.of() : Set.copyOf(ids));
            if (action.equals("reject") && !Decisions.REJECTION_REASONS.containsKey(reason)) {
                model.addAttribute("bulkReasonError", problem);
            }
            return refused(queue, back, "Nothing was decided. " + problem, model, response);
        }
        int done = 0;
        int taken = 0;
        int missing = 0;
        // Why the others were not decided, each reason with how many it stopped, as the single buttons say it.
        Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
        for (long id : new java.util.LinkedHashSet<>(ids)) {
            try {
                if (action.equals("approve")) {
                    decisions.approve(id, moderator.accountId());
                } else {
                    decisions.reject(id, moderator.accountId(), reason, "");
                }
                done++;
            } catch (ConflictException e) {
                if (Decisions.TAKEN.equals(e.getMessage())) {
                    taken++;
                } else {
                    refusals.merge(String.valueOf(e.getMessage()), 1, Integer::sum);
                }
            } catch (org.masthead.platform.NotFoundException e) {
                missing++;
            }
        }
        redirect.addFlashAttribute(
                "message",
                (action.equals("approve") ? "Approved " : "Rejected ")
                        + done
                        + (done == 1 ? " comment" : " comments")
                        + (taken == 0 ? "" : "; " + taken + " had already been decided by another moderator")
                        + (missing == 0 ? "" : "; " + missing + (missing == 1 ? " was" : " were") + " not found")
                        + "."
                        + refusals.entrySet().stream()
                                .map(refusal -> " " + refusal.getValue() + " not "
                                        + (action.equals("approve") ? "approved" : "rejected") + ": "
                                        + refusal.getKey())
                                .collect(Collectors.joining()));
        return backTo(queue, back, null);
    }

    /** Back on the queue and filter the moderator was working in, with what to put right. */
    private String refused(String queue, String back, String problem, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", problem);
        Decisions.Filter filter = filterIn(back);
        return queue(queueOrHeld(queue), filter.article(), filter.reader(), filter.step(), filter.reason(), model);
    }

    /**
     * Where a decision leads: the queue and filter the moderator was working in, at the comment that
     * followed the one decided, so that they carry on from there (j moves on from it).
     *
     * @param back the filter as the queue's address had it ({@link #query})
     * @param next the comment to be at; null for the top
     */
    static String backTo(String queue, String back, @Nullable Long next) {
        Decisions.Filter filter = filterIn(back);
        String query = query(filter);
        return "redirect:/moderation?queue=" + queueOrHeld(queue) + (query.isEmpty() ? "" : "&" + query)
                + (next == null ? "" : "#moderated-" + next);
    }

    /** A filter as its part of the queue's address. */
    static String query(Decisions.Filter filter) {
        StringBuilder query = new StringBuilder();
        java.util.function.BiConsumer<String, @Nullable Object> add = (name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(value);
            }
        };
        add.accept("article", filter.article());
        add.accept("reader", filter.reader());
        add.accept("step", filter.step());
        add.accept("reason", filter.reason());
        return query.toString();
    }

    /**
     * The filter a decision's form carried back, read as the queue reads its address; a part that is not
     * a filter's is left out, so nothing but a filter reaches the address a decision leads to.
     */
    private static Decisions.Filter filterIn(String back) {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String pair : back.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parts.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        Long article = number(parts.get("article"));
        Long reader = number(parts.get("reader"));
        String step = Decisions.HOLDING_CHECKS.containsKey(parts.get("step")) ? parts.get("step") : null;
        String reason = Decisions.REJECTION_REASONS.containsKey(parts.get("reason")) ? parts.get("reason") : null;
        return new Decisions.Filter(article, reader, step, reason);
    }

    private static @Nullable Long number(@Nullable String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
    }

    /**
     * The held replies whose answered comment is no longer published: they cannot be approved (a reply
     * is never shown without what it answers), so the queue says so rather than offer Approve.
     */
    private Set<Long> orphans(java.util.List<Item> items) {
        Map<Long, Long> answered = new java.util.HashMap<>();
        for (Item item : items) {
            Long inReplyTo = item.comment().inReplyToId();
            if (item.comment().held() && inReplyTo != null) {
                answered.put(item.comment().id(), inReplyTo);
            }
        }
        if (answered.isEmpty()) {
            return Set.of();
        }
        Set<Long> published = discussion.comments(java.util.List.copyOf(new HashSet<>(answered.values()))).stream()
                .filter(c -> c.status().equals(org.masthead.discussion.DiscussedComment.PUBLISHED))
                .map(org.masthead.discussion.DiscussedComment::id)
                .collect(Collectors.toSet());
        return answered.entrySet().stream()
                .filter(reply -> !published.contains(reply.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** A comment another moderator decided first is not an error page: the queue says so and moves on. */
    private static void decide(RedirectAttributes redirect, Runnable decision, String done) {
        try {
            decision.run();
            redirect.addFlashAttribute("message", done);
        } catch (ConflictException taken) {
            redirect.addFlashAttribute("message", taken.getMessage());
        }
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String queueOrHeld(@Nullable String queue) {
        return queue != null && Decisions.QUEUES.contains(queue) ? queue : "held";
    }
}
