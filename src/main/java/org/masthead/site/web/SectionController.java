package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.newsroom.ArticlePage;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SectionController {

    static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private final PublishedContent content;
    private final PublicPages publicPages;
    private final CardCommentCounts commentCounts;

    SectionController(PublishedContent content, PublicPages publicPages, CardCommentCounts commentCounts) {
        this.content = content;
        this.publicPages = publicPages;
        this.commentCounts = commentCounts;
    }

    @GetMapping("/{section:" + SLUG + "}")
    String section(
            @PathVariable String section,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        return render(section, page, model, response);
    }

    @GetMapping("/{section:" + SLUG + "}/{subSection:" + SLUG + "}")
    String subSection(
            @PathVariable String section,
            @PathVariable String subSection,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        return render(section + "/" + subSection, page, model, response);
    }

    private String render(String path, int page, Model model, HttpServletResponse response) {
        PageRequests.require(page);
        Section section = content.section(path).orElseThrow(() -> new NotFoundException("No section at /" + path));
        ArticlePage articles = PageRequests.requireExisting(content.sectionPage(section, page, PageRequests.PAGE_SIZE));
        model.addAttribute("section", section);
        model.addAttribute("lineage", content.lineageOf(section));
        model.addAttribute("subSections", content.subSectionsOf(section));
        model.addAttribute("articles", articles);
        model.addAttribute("commentCounts", commentCounts.of(articles.articles()));
        publicPages.mark(response, PageRequests.lastModified(articles.articles()), SurrogateKeys.of(section));
        return "site/section";
    }
}
