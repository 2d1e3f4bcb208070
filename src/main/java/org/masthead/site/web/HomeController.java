package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.Fronts;
import org.masthead.platform.PublicPages;
import org.masthead.platform.StaleReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Fronts fronts;
    private final FrontPages pages;
    private final PublicPages publicPages;
    private final TrendingBlocks trending;

    HomeController(Fronts fronts, FrontPages pages, PublicPages publicPages, TrendingBlocks trending) {
        this.trending = trending;
        this.fronts = fronts;
        this.pages = pages;
        this.publicPages = publicPages;
    }

    @StaleReads
    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        Set<String> keys = new LinkedHashSet<>();
        List<ArticleCard> shown = pages.home(fronts.live(Front.home()), model, keys);
        trending.addTo(model);
        publicPages.mark(response, PageRequests.lastModified(shown), keys);
        return "site/home";
    }
}
