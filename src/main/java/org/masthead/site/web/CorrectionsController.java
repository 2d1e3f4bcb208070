package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.masthead.newsroom.CorrectedArticle;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.PublicPages;
import org.masthead.site.internal.Feeds;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every correction and clarification the editors have added, newest first, as a page and a feed. A
 * correction stays on both after its article is withdrawn: the record of what was wrong is permanent. Both
 * name the front's key, which every publication, update, correction and unpublication drops.
 */
@Controller
class CorrectionsController {

    static final int SHOWN = 50;
    private static final String TITLE = "Corrections and clarifications";
    private static final String DESCRIPTION = "What we got wrong or left unclear, and what is right.";
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final PublishedContent content;
    private final Feeds feeds;
    private final PublicPages publicPages;

    CorrectionsController(PublishedContent content, Feeds feeds, PublicPages publicPages) {
        this.content = content;
        this.feeds = feeds;
        this.publicPages = publicPages;
    }

    @GetMapping("/corrections")
    String page(HttpServletResponse response, Model model) {
        List<CorrectedArticle> corrections = content.latestCorrections(SHOWN);
        model.addAttribute("corrections", corrections);
        publicPages.mark(response, lastModified(corrections), List.of(SurrogateKeys.FRONT));
        return "site/corrections";
    }

    @GetMapping("/corrections/rss")
    ResponseEntity<String> feed(HttpServletResponse response) {
        List<CorrectedArticle> corrections = content.latestCorrections(SHOWN);
        publicPages.mark(response, lastModified(corrections), List.of(SurrogateKeys.FRONT));
        return ResponseEntity.ok()
                .contentType(RSS)
                .body(feeds.corrections(TITLE, DESCRIPTION, "/corrections", corrections));
    }

    /** The newest correction, or a later withdrawal of a corrected article (its last change), which changes its entry. */
    private static Instant lastModified(List<CorrectedArticle> corrections) {
        return corrections.stream()
                .map(c -> c.withdrawn()
                        ? c.article().modifiedAt()
                        : c.correction().addedAt())
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }
}
