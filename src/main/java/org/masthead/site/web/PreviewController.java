package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.FrontSlot;
import org.masthead.newsroom.Fronts;
import org.masthead.newsroom.Previews;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.ContentSecurityPolicy;
import org.masthead.platform.NotFoundException;
import org.masthead.site.Links;
import org.masthead.site.internal.StructuredData;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The site's own pages, as they will be once the newsroom's changes go live: a front with its draft,
 * an article as last saved. Staff only (see {@link SiteSecurity}); never cached, never indexed, and
 * framed only by this site's own pages, where the newsroom shows them at a desktop's or a phone's width.
 */
@Controller
class PreviewController {

    private static final int RELATED = 4;

    private final Fronts fronts;
    private final Previews previews;
    private final PublishedContent content;
    private final FrontPages pages;
    private final Links links;
    private final StructuredData structuredData;
    private final CardCommentCounts commentCounts;

    PreviewController(
            Fronts fronts,
            Previews previews,
            PublishedContent content,
            FrontPages pages,
            Links links,
            StructuredData structuredData,
            CardCommentCounts commentCounts) {
        this.fronts = fronts;
        this.previews = previews;
        this.content = content;
        this.pages = pages;
        this.links = links;
        this.structuredData = structuredData;
        this.commentCounts = commentCounts;
    }

    /** The home page or a section's first page with the front's draft, as readers will see it once published. */
    @GetMapping("/newsroom/preview/fronts/{front:" + SectionController.SLUG + "}")
    String front(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable String front,
            Model model,
            HttpServletResponse response) {
        Front found = fronts.bySlug(front).orElseThrow(() -> new NotFoundException("There is no front " + front));
        List<FrontSlot> draft = fronts.draft(signedIn, found);
        privatePreview(response);
        if (found.section() == null) {
            pages.home(draft, model, new LinkedHashSet<>());
            return "site/home";
        }
        pages.section(found.section(), draft, 1, PageRequests.PAGE_SIZE, model, new LinkedHashSet<>());
        return "site/section";
    }

    /** The article page with the article's words and placement as last saved, whatever its state. */
    @GetMapping("/newsroom/preview/articles/{id:\\d{1,18}}")
    String article(
            @AuthenticationPrincipal SignedIn signedIn,
            @PathVariable long id,
            Model model,
            HttpServletResponse response) {
        PublishedArticle article = previews.article(signedIn, id);
        privatePreview(response);
        model.addAttribute("article", article);
        model.addAttribute("canonical", links.absolute(links.article(article)));
        List<ArticleCard> related = content.relatedTo(article, RELATED);
        model.addAttribute("related", related);
        model.addAttribute("commentCounts", commentCounts.of(related));
        model.addAttribute("lineage", content.lineageOf(article.section()));
        model.addAttribute("corrections", content.correctionsOf(article.id()));
        model.addAttribute("jsonLd", structuredData.newsArticle(article));
        // An article readers cannot see has no conversation yet: its scripts would only be refused (404).
        model.addAttribute("notYetLive", content.article(id).isEmpty());
        return "site/article";
    }

    private static void privatePreview(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.FRAMED_BY_THIS_SITE);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }
}
