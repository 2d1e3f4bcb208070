package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.masthead.moderation.ModerationProperties;
import org.masthead.platform.PublicPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The community standards: what the conversation expects of readers, and what moderators do about it. */
@Controller
class CommunityStandardsController {

    /** When the text of the standards last changed; change it with them. */
    private static final Instant WRITTEN = Instant.parse("2026-12-02T13:00:00Z");

    private final PublicPages publicPages;
    private final ModerationProperties properties;

    CommunityStandardsController(PublicPages publicPages, ModerationProperties properties) {
        this.publicPages = publicPages;
        this.properties = properties;
    }

    @GetMapping("/community-standards")
    String standards(HttpServletResponse response, Model model) {
        model.addAttribute("heldFirstComments", properties.heldFirstComments());
        model.addAttribute("maxLinks", properties.maxLinks());
        publicPages.mark(response, WRITTEN, List.of("community-standards"));
        return "moderation/community-standards";
    }
}
