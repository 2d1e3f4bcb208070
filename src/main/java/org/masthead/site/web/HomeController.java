package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.PublicPages;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final int TOP_STORIES = 6;
    private static final int PER_SECTION = 4;

    private final PublishedContent content;
    private final PublicPages publicPages;
    private final CardCommentCounts commentCounts;

    HomeController(PublishedContent content, PublicPages publicPages, CardCommentCounts commentCounts) {
        this.content = content;
        this.publicPages = publicPages;
        this.commentCounts = commentCounts;
    }

    /** One block of a front: a section and its latest articles not already shown above it. */
    record SectionBlock(Section section, List<ArticleCard> articles) {}

    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        List<ArticleCard> latest = content.latest(TOP_STORIES + 1);
        Set<Long> shown = new HashSet<>();
        latest.forEach(card -> shown.add(card.id()));
        List<SectionBlock> blocks = new ArrayList<>();
        List<ArticleCard> everything = new ArrayList<>(latest);
        for (Section section : content.topLevelSections()) {
            List<ArticleCard> cards = content.latestIn(section, PER_SECTION + TOP_STORIES).stream()
                    .filter(card -> !shown.contains(card.id()))
                    .limit(PER_SECTION)
                    .toList();
            if (!cards.isEmpty()) {
                blocks.add(new SectionBlock(section, cards));
                everything.addAll(cards);
            }
        }
        model.addAttribute("lead", latest.isEmpty() ? null : latest.getFirst());
        model.addAttribute("topStories", latest.isEmpty() ? List.of() : latest.subList(1, latest.size()));
        model.addAttribute("blocks", blocks);
        model.addAttribute("commentCounts", commentCounts.of(everything));
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.FRONT));
        blocks.forEach(block -> keys.add(SurrogateKeys.section(block.section().id())));
        publicPages.mark(response, PageRequests.lastModified(everything), keys);
        return "site/home";
    }
}
