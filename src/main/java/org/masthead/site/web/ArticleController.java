package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.SectionPaths;
import org.masthead.newsroom.Withdrawn;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.site.Links;
import org.masthead.site.internal.StructuredData;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Article pages. Each article has one canonical address; a known article asked for under another
 * (an old slug, a moved section, a wrong date) is sent there with a permanent redirect.
 */
@Controller
class ArticleController {

    // Wider than the addresses made (a month's three lower-case letters, a two-digit day), so that the near
    // misses people type and other sites make, such as "Dec" or "6", reach the article and its redirect.
    private static final String DATE = "/{year:\\d{4}}/{month:[A-Za-z]{3,9}}/{day:\\d{1,2}}/{slug:.+}";

    private final PublishedContent content;
    private final PublicPages publicPages;
    private final Links links;
    private final StructuredData structuredData;
    private final CardCommentCounts commentCounts;
    private final TrendingBlocks trending;

    ArticleController(
            PublishedContent content,
            PublicPages publicPages,
            Links links,
            StructuredData structuredData,
            CardCommentCounts commentCounts,
            TrendingBlocks trending) {
        this.commentCounts = commentCounts;
        this.trending = trending;
        this.content = content;
        this.publicPages = publicPages;
        this.links = links;
        this.structuredData = structuredData;
    }

    @GetMapping({
        "/{section:" + SectionPaths.SECTION_SLUG + "}" + DATE,
        "/{section:" + SectionPaths.SECTION_SLUG + "}/{subSection:" + SectionController.SLUG + "}" + DATE
    })
    Object article(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PublishedArticle> found =
                content.article(slug).or(() -> content.currentSlugOf(slug).flatMap(content::article));
        if (found.isEmpty()) {
            Optional<Withdrawn> withdrawn = content.withdrawn(slug);
            if (withdrawn.isPresent()) {
                return gone(withdrawn.get(), response, model);
            }
        }
        PublishedArticle article =
                found.orElseThrow(() -> new NotFoundException("No article at " + request.getRequestURI()));
        String canonical = links.article(article);
        if (!canonical.equals(request.getRequestURI())) {
            RedirectView redirect = new RedirectView(canonical);
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setPropagateQueryParams(false);
            return redirect;
        }
        model.addAttribute("article", article);
        model.addAttribute("canonical", links.absolute(canonical));
        List<ArticleCard> related = trending.addTo(model, article);
        model.addAttribute("related", related);
        model.addAttribute("commentCounts", commentCounts.of(related));
        model.addAttribute("lineage", content.lineageOf(article.section()));
        model.addAttribute("corrections", content.correctionsOf(article.id()));
        model.addAttribute("jsonLd", structuredData.newsArticle(article));
        Instant lastModified = article.modifiedAt();
        publicPages.mark(response, lastModified, SurrogateKeys.of(article));
        return "site/article";
    }

    /** An unpublished article: readers are sent to its replacement, or told it is gone for good. */
    private Object gone(Withdrawn withdrawn, HttpServletResponse response, Model model) {
        if (withdrawn.replacement() != null) {
            RedirectView redirect = new RedirectView(links.article(withdrawn.replacement()));
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setPropagateQueryParams(false);
            return redirect;
        }
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("withdrawn", withdrawn);
        return "site/gone";
    }
}
