package org.masthead.discovery.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.masthead.accounts.SignedIn;
import org.masthead.discovery.internal.TopicFollows;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.site.CommentCounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My news": the newest articles on the topics and by the authors a signed-in reader follows. */
@Controller
class MyNewsController {

    static final int PAGE_SIZE = 20;

    /** How many authors a reader who follows nothing is offered, as a start. */
    static final int AUTHORS_OFFERED = 8;

    private final TopicFollows follows;
    private final PublishedContent content;
    private final ObjectProvider<CommentCounts> commentCounts;

    MyNewsController(TopicFollows follows, PublishedContent content, ObjectProvider<CommentCounts> commentCounts) {
        this.follows = follows;
        this.content = content;
        this.commentCounts = commentCounts;
    }

    @GetMapping("/my-news")
    String myNews(
            @AuthenticationPrincipal SignedIn reader,
            @RequestParam(defaultValue = "1")
                    @Min(value = 1, message = "Page numbers start at 1.")
                    @Max(value = 1000, message = "There are no more pages.")
                    int page,
            Model model) {
        var followed = follows.followedBy(reader.accountId());
        var news = follows.news(reader.accountId(), page, PAGE_SIZE);
        if (page > 1 && news.articles().isEmpty()) {
            // Past the last page, as an old link or fewer followed articles leaves one: to the last page, as
            // search does, so that "Nothing published yet" is only said when it is true.
            int last = follows.lastNewsPage(reader.accountId(), PAGE_SIZE);
            return "redirect:/my-news" + (last > 1 ? "?page=" + last : "");
        }
        model.addAttribute("followed", followed);
        model.addAttribute("news", news);
        // The cards say how many comments each has, as the same cards do on topic pages.
        CommentCounts counts = commentCounts.getIfAvailable();
        List<Long> ids = news.articles().stream().map(ArticleCard::id).toList();
        model.addAttribute("commentCounts", counts == null || ids.isEmpty() ? Map.of() : counts.of(ids));
        // Someone who follows nothing yet is given somewhere to start.
        model.addAttribute(
                "authors",
                followed.isEmpty()
                        ? content.publishedAuthors().stream()
                                .limit(AUTHORS_OFFERED)
                                .toList()
                        : List.of());
        return "discovery/my-news";
    }
}
