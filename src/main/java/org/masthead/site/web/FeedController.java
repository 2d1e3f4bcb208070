package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.SectionPaths;
import org.masthead.newsroom.Tag;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.platform.StaleReads;
import org.masthead.site.Links;
import org.masthead.site.internal.Feeds;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** RSS feeds: the whole site, each section, each topic and each author. */
@RestController
class FeedController {

    private static final int ENTRIES = 30;
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final PublishedContent content;
    private final Feeds feeds;
    private final Links links;
    private final PublicPages publicPages;

    FeedController(PublishedContent content, Feeds feeds, Links links, PublicPages publicPages) {
        this.content = content;
        this.feeds = feeds;
        this.links = links;
        this.publicPages = publicPages;
    }

    @StaleReads
    @GetMapping("/rss")
    ResponseEntity<String> site(HttpServletResponse response) {
        List<ArticleCard> articles = content.latest(ENTRIES);
        return feed("", "", "/", articles, List.of(SurrogateKeys.FRONT), response);
    }

    @StaleReads
    @GetMapping({
        "/{section:" + SectionPaths.SECTION_SLUG + "}/rss",
        "/{section:" + SectionPaths.SECTION_SLUG + "}/{subSection:" + SectionController.SLUG + "}/rss"
    })
    ResponseEntity<String> section(
            @PathVariable String section,
            @PathVariable(required = false) String subSection,
            HttpServletResponse response) {
        String path = subSection == null ? section : section + "/" + subSection;
        Section found = content.section(path).orElseThrow(() -> notFound("No section at /" + path));
        return feed(
                found.name(),
                found.description(),
                links.section(found),
                content.latestIn(found, ENTRIES),
                SurrogateKeys.of(found),
                response);
    }

    @StaleReads
    @GetMapping("/topic/{slug}/rss")
    ResponseEntity<String> topic(@PathVariable String slug, HttpServletResponse response) {
        Tag tag = content.tag(slug).orElseThrow(() -> notFound("No topic " + slug));
        return feed(
                tag.name(),
                tag.description(),
                links.tag(slug),
                content.tagPage(tag, 1, ENTRIES).articles(),
                SurrogateKeys.of(tag),
                response);
    }

    @StaleReads
    @GetMapping("/author/{slug}/rss")
    ResponseEntity<String> author(@PathVariable String slug, HttpServletResponse response) {
        Author author = content.publishedAuthor(slug).orElseThrow(() -> notFound("No author " + slug));
        return feed(
                author.name(),
                author.jobTitle(),
                links.author(slug),
                content.authorPage(author, 1, ENTRIES).articles(),
                SurrogateKeys.of(author),
                response);
    }

    private ResponseEntity<String> feed(
            String title,
            String description,
            String pagePath,
            List<ArticleCard> articles,
            List<String> keys,
            HttpServletResponse response) {
        publicPages.mark(response, PageRequests.lastModified(articles), keys);
        return ResponseEntity.ok().contentType(RSS).body(feeds.rss(title, description, pagePath, articles));
    }

    private static NotFoundException notFound(String message) {
        return new NotFoundException(message);
    }
}
