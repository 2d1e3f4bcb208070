package org.masthead.discovery.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.masthead.accounts.SignedIn;
import org.masthead.discovery.internal.TopicFollows;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My news": the newest articles on the topics and by the authors a signed-in reader follows. */
@Controller
class MyNewsController {

    static final int PAGE_SIZE = 20;

    private final TopicFollows follows;

    MyNewsController(TopicFollows follows) {
        this.follows = follows;
    }

    @GetMapping("/my-news")
    String myNews(
            @AuthenticationPrincipal SignedIn reader,
            @RequestParam(defaultValue = "1")
                    @Min(value = 1, message = "Page numbers start at 1.")
                    @Max(value = 1000, message = "There are no more pages.")
                    int page,
            Model model) {
        model.addAttribute("followed", follows.followedBy(reader.accountId()));
        model.addAttribute("news", follows.news(reader.accountId(), page, PAGE_SIZE));
        return "discovery/my-news";
    }
}
