package org.masthead.discussion.web;

import java.time.DateTimeException;
import java.time.Instant;
import org.masthead.discussion.internal.Conversations;
import org.masthead.newsroom.Newsroom;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.platform.FormDates;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors open and close an article's comments, and set when they close. */
@Controller
class CommentSettingsController {

    private static final String VIEW = "discussion/settings";

    private final Conversations conversations;
    private final Newsroom newsroom;
    private final SiteProperties site;

    CommentSettingsController(Conversations conversations, Newsroom newsroom, SiteProperties site) {
        this.conversations = conversations;
        this.newsroom = newsroom;
        this.site = site;
    }

    @GetMapping("/discussion/{articleId:\\d{1,18}}/settings")
    String form(@PathVariable long articleId, Model model) {
        PublishedArticle article = conversations.article(articleId);
        Instant closes = article.commentsCloseAt();
        model.addAttribute(
                "form",
                new CommentSettingsForm(
                        article.commentsEnabled(), closes == null ? "" : FormDates.minute(closes, site.timeZone())));
        return page(article, model);
    }

    @PostMapping("/discussion/{articleId:\\d{1,18}}/settings")
    String save(
            @PathVariable long articleId,
            @ModelAttribute("form") CommentSettingsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        PublishedArticle article = conversations.article(articleId);
        Instant closesAt = null;
        String text = form.closesAt() == null ? "" : form.closesAt().strip();
        if (!text.isEmpty()) {
            try {
                closesAt = FormDates.minute(text, site.timeZone());
            } catch (DateTimeException e) {
                errors.rejectValue(
                        "closesAt", "invalid", "Give a date and time such as 2026-11-28T18:00, or leave it empty.");
            }
        }
        if (errors.hasErrors()) {
            return page(article, model);
        }
        newsroom.changeComments(articleId, form.commentsEnabled(), closesAt);
        redirect.addFlashAttribute(
                "notice", form.commentsEnabled() ? "Comment settings saved." : "Comments are now off.");
        return "redirect:/discussion/" + articleId + "/settings";
    }

    private String page(PublishedArticle article, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("articlePath", conversations.articlePath(article.id()));
        model.addAttribute("zone", site.timeZone().getId());
        return VIEW;
    }
}
