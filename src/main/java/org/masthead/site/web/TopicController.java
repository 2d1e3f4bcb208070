package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.newsroom.ArticlePage;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Tag;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.platform.StaleReads;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages that gather articles across sections: by topic (tag) and by author. */
@Controller
class TopicController {

    private final PublishedContent content;
    private final PublicPages publicPages;
    private final CardCommentCounts commentCounts;

    TopicController(PublishedContent content, PublicPages publicPages, CardCommentCounts commentCounts) {
        this.content = content;
        this.publicPages = publicPages;
        this.commentCounts = commentCounts;
    }

    @StaleReads
    @GetMapping("/topic/{slug}")
    String topic(
            @PathVariable String slug,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        PageRequests.require(page);
        Tag tag = content.tag(slug).orElseThrow(() -> new NotFoundException("No topic " + slug));
        ArticlePage articles = PageRequests.requireExisting(content.tagPage(tag, page, PageRequests.PAGE_SIZE));
        model.addAttribute("tag", tag);
        model.addAttribute("articles", articles);
        model.addAttribute("commentCounts", commentCounts.of(articles.articles()));
        publicPages.mark(response, PageRequests.lastModified(articles.articles()), SurrogateKeys.of(tag));
        return "site/topic";
    }

    @StaleReads
    @GetMapping("/author/{slug}")
    String author(
            @PathVariable String slug,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        PageRequests.require(page);
        Author author = content.publishedAuthor(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
        ArticlePage articles = PageRequests.requireExisting(content.authorPage(author, page, PageRequests.PAGE_SIZE));
        model.addAttribute("author", author);
        model.addAttribute("articles", articles);
        model.addAttribute("commentCounts", commentCounts.of(articles.articles()));
        publicPages.mark(response, PageRequests.lastModified(articles.articles()), SurrogateKeys.of(author));
        return "site/author";
    }
}
