package org.masthead.membership.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.membership.Membership;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.site.ArticleAddresses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * The reading list page: saved articles newest first, a page at a time, all or unread only, each with
 * buttons to mark it read and remove it (plain forms: the page works without JavaScript). A reader
 * without Premium is told how many articles are kept for them and how to get them back.
 */
@Controller
@RequestMapping("/reading-list")
class ReadingListController {

    static final int PAGE_SIZE = 20;

    private final Membership membership;
    private final ReadingList readingList;
    private final PublishedContent content;
    private final ArticleAddresses addresses;

    ReadingListController(
            Membership membership, ReadingList readingList, PublishedContent content, ArticleAddresses addresses) {
        this.membership = membership;
        this.readingList = readingList;
        this.content = content;
        this.addresses = addresses;
    }

    /** A saved article as the page lists it; one since unpublished is listed without a link. */
    record Item(long articleId, String headline, @Nullable String standfirst, @Nullable String path, boolean read) {}

    @GetMapping
    String page(
            @AuthenticationPrincipal SignedIn reader,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        model.addAttribute("unread", unread);
        if (!membership.isPremium(reader.accountId())) {
            model.addAttribute("premium", false);
            model.addAttribute("kept", readingList.size(reader.accountId()));
            return "membership/reading-list";
        }
        List<ReadingList.Entry> entries = readingList.page(
                reader.accountId(), unread, ReadingList.Cursor.parse(after).orElse(null), PAGE_SIZE);
        List<Item> items = entries.stream().map(this::item).toList();
        model.addAttribute("premium", true);
        model.addAttribute("items", items);
        model.addAttribute(
                "next",
                entries.size() == PAGE_SIZE
                        ? new ReadingList.Cursor(
                                        entries.getLast().savedAt(),
                                        entries.getLast().articleId())
                                .toString()
                        : null);
        return "membership/reading-list";
    }

    @PostMapping("/{articleId}/read")
    View markRead(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            @RequestParam(defaultValue = "true") boolean read,
            @RequestParam(defaultValue = "false") boolean unread) {
        readingList.markRead(reader.accountId(), articleId, read);
        return Redirects.seeOther("/reading-list" + (unread ? "?unread=true" : ""));
    }

    @PostMapping("/{articleId}/remove")
    View remove(
            @AuthenticationPrincipal SignedIn reader,
            @PathVariable long articleId,
            @RequestParam(defaultValue = "false") boolean unread) {
        readingList.remove(reader.accountId(), articleId);
        return Redirects.seeOther("/reading-list" + (unread ? "?unread=true" : ""));
    }

    private Item item(ReadingList.Entry entry) {
        return content.article(entry.articleId())
                .map((PublishedArticle article) -> new Item(
                        entry.articleId(),
                        article.headline(),
                        article.standfirst(),
                        addresses.pathOf(entry.articleId()).orElse(null),
                        entry.readAt() != null))
                .orElseGet(() -> new Item(
                        entry.articleId(), "An article no longer published", null, null, entry.readAt() != null));
    }
}
