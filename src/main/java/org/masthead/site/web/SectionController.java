package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.FrontSlot;
import org.masthead.newsroom.Fronts;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.SectionPaths;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.platform.StaleReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SectionController {

    static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private final PublishedContent content;
    private final Fronts fronts;
    private final FrontPages pages;
    private final PublicPages publicPages;

    SectionController(PublishedContent content, Fronts fronts, FrontPages pages, PublicPages publicPages) {
        this.content = content;
        this.fronts = fronts;
        this.pages = pages;
        this.publicPages = publicPages;
    }

    @StaleReads
    @GetMapping("/{section:" + SectionPaths.SECTION_SLUG + "}")
    String section(
            @PathVariable String section,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        return render(section, page, model, response);
    }

    @StaleReads
    @GetMapping("/{section:" + SectionPaths.SECTION_SLUG + "}/{subSection:" + SLUG + "}")
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
        // Editors curate the fronts of top-level sections; a sub-section's page is its latest stories.
        List<FrontSlot> pinned = section.isTopLevel() ? fronts.live(Front.of(section)) : List.of();
        Set<String> keys = new LinkedHashSet<>();
        List<ArticleCard> shown = pages.section(section, pinned, page, PageRequests.PAGE_SIZE, model, keys);
        publicPages.mark(response, PageRequests.lastModified(shown), keys);
        return "site/section";
    }
}
