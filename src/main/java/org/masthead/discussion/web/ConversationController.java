package org.masthead.discussion.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.ProfileSection;
import org.masthead.discussion.Discussion;
import org.masthead.discussion.internal.Comments;
import org.masthead.discussion.internal.Conversations;
import org.masthead.discussion.internal.Conversations.CommentView;
import org.masthead.discussion.internal.Conversations.PicksPage;
import org.masthead.discussion.internal.Conversations.Start;
import org.masthead.discussion.internal.Conversations.ThreadPage;
import org.masthead.discussion.internal.Conversations.ThreadView;
import org.masthead.discussion.internal.Cursor;
import org.masthead.discussion.internal.Sort;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.platform.PublicPages;
import org.masthead.platform.RejectedException;
import org.masthead.platform.StaleReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reading a conversation. Everything here is the same for every reader, so it is cached like a page
 * and dropped when the conversation changes: fragments that the article page's script loads, and a
 * page of its own for reading without JavaScript.
 */
@Controller
class ConversationController {

    private static final int MOST_IDS = 50;

    /** The Picks tab, beside the orders: the staff picks rather than an order of every comment. */
    private static final String PICKS = "picks";

    private final Conversations conversations;
    private final PublicPages publicPages;

    ConversationController(Conversations conversations, PublicPages publicPages) {
        this.conversations = conversations;
        this.publicPages = publicPages;
    }

    /** A page of the conversation, as a fragment for the article page. */
    @StaleReads
    @GetMapping("/discussion/{articleId:\\d{1,18}}/thread")
    String thread(
            @PathVariable long articleId,
            @RequestParam(defaultValue = "oldest") String sort,
            @RequestParam(defaultValue = "") String after,
            @RequestParam(defaultValue = "") String before,
            @RequestParam(required = false) @Nullable Long around,
            Model model,
            HttpServletResponse response) {
        if (sort.equals(PICKS)) {
            PicksPage picks = conversations.picks(articleId);
            model.addAttribute("picks", picks);
            mark(response, articleId, picks.accountIds());
            return "discussion/thread :: picks";
        }
        ThreadPage page = conversations.page(articleId, sortOf(sort), start(after, before, around));
        model.addAttribute("page", page);
        mark(response, articleId, page.accountIds());
        return "discussion/thread :: page";
    }

    /** Every reply in one thread, for "show more replies". */
    @StaleReads
    @GetMapping("/discussion/{articleId:\\d{1,18}}/threads/{threadId:\\d{1,18}}")
    String replies(
            @PathVariable long articleId, @PathVariable long threadId, Model model, HttpServletResponse response) {
        ThreadView thread = conversations.thread(articleId, threadId);
        List<CommentView> shown = new ArrayList<>(thread.replies());
        shown.add(thread.comment());
        model.addAttribute("thread", thread);
        mark(response, articleId, conversations.accountsIn(shown));
        return "discussion/thread :: replies";
    }

    /** These comments, each as the conversation shows it, for inserting new ones without a reload. */
    @GetMapping("/discussion/{articleId:\\d{1,18}}/comments")
    String comments(@PathVariable long articleId, @RequestParam String ids, Model model, HttpServletResponse response) {
        List<Long> wanted = Arrays.stream(ids.split(","))
                .map(String::strip)
                .filter(id -> id.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .distinct()
                .limit(MOST_IDS)
                .toList();
        conversations.article(articleId);
        List<CommentView> views = conversations.comments(articleId, wanted);
        model.addAttribute("comments", views);
        mark(response, articleId, conversations.accountsIn(views));
        return "discussion/thread :: comments";
    }

    /** The whole conversation as a page of its own, for reading without JavaScript. */
    @StaleReads
    @GetMapping("/discussion/{articleId:\\d{1,18}}")
    String conversation(
            @PathVariable long articleId,
            @RequestParam(defaultValue = "oldest") String sort,
            @RequestParam(defaultValue = "") String after,
            @RequestParam(defaultValue = "") String before,
            @RequestParam(required = false) @Nullable Long around,
            Model model,
            HttpServletResponse response) {
        PublishedArticle article = conversations.article(articleId);
        model.addAttribute("article", article);
        model.addAttribute("articlePath", conversations.articlePath(articleId));
        model.addAttribute("reportReasons", Comments.REPORT_REASONS);
        if (sort.equals(PICKS)) {
            PicksPage picks = conversations.picks(articleId);
            model.addAttribute("picks", picks);
            mark(response, articleId, picks.accountIds());
            return "discussion/conversation";
        }
        ThreadPage page = conversations.page(articleId, sortOf(sort), start(after, before, around));
        model.addAttribute("page", page);
        mark(response, articleId, page.accountIds());
        return "discussion/conversation";
    }

    private void mark(HttpServletResponse response, long articleId, Set<Long> accountIds) {
        List<String> keys = new ArrayList<>();
        keys.add(Discussion.surrogateKey(articleId));
        accountIds.stream().sorted().forEach(id -> keys.add(ProfileSection.surrogateKey(id)));
        publicPages.mark(response, Instant.now(), keys);
    }

    private static Sort sortOf(String param) {
        return Sort.of(param).orElseThrow(() -> new RejectedException("Bad request", "sort", "No such order."));
    }

    private static Start start(String after, String before, @Nullable Long around) {
        return new Start(cursor(after), cursor(before), around);
    }

    private static @Nullable Cursor cursor(String text) {
        if (text.isEmpty()) {
            return null;
        }
        return Cursor.parse(text)
                .orElseThrow(() -> new RejectedException("Bad request", "Not a position in the list."));
    }
}
