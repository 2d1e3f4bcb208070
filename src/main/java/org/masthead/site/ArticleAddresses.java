package org.masthead.site;

import java.util.Optional;
import org.masthead.newsroom.PublishedContent;
import org.springframework.stereotype.Component;

/** Where published articles live on the site, for modules that link to them. */
@Component
public class ArticleAddresses {

    private final PublishedContent content;
    private final Links links;

    ArticleAddresses(PublishedContent content, Links links) {
        this.content = content;
        this.links = links;
    }

    /** The canonical path of the published article with this id, such as {@code /world/2026/nov/24/slug}. */
    public Optional<String> pathOf(long articleId) {
        return content.article(articleId).map(links::article);
    }
}
