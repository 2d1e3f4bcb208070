package org.masthead.discussion.web;

import org.masthead.discussion.CommentLocation;
import org.masthead.discussion.Discussion;
import org.masthead.platform.NotFoundException;
import org.masthead.site.ArticleAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A comment's own address, to share: it sends the reader to the article, at the comment. The
 * article page's script then loads the page of the conversation that holds it and highlights it.
 */
@Controller
class PermalinkController {

    private final Discussion discussion;
    private final ArticleAddresses addresses;

    PermalinkController(Discussion discussion, ArticleAddresses addresses) {
        this.discussion = discussion;
        this.addresses = addresses;
    }

    @GetMapping("/comment/{id:\\d{1,18}}")
    RedirectView permalink(@PathVariable long id) {
        CommentLocation location =
                discussion.locate(id).orElseThrow(() -> new NotFoundException("There is no such comment."));
        String article = addresses
                .pathOf(location.articleId())
                .orElseThrow(() -> new NotFoundException("There is no such comment."));
        RedirectView redirect = new RedirectView(article + "#comment-" + id);
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }
}
