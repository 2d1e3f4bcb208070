package org.masthead.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.platform.SiteProperties;
import org.masthead.site.Dates;
import org.masthead.site.Links;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What search engines crawl: robots.txt, a sitemap index, a sitemap per month of articles, one of
 * sections and topics, and a Google News sitemap of the last 48 hours.
 */
@RestController
class SitemapController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1,000 entries; the sitemap protocol allows 50,000. */
    private static final int NEWS_LIMIT = 1000;

    private static final int SITEMAP_LIMIT = 50_000;

    private final PublishedContent content;
    private final Links links;
    private final Dates dates;
    private final SiteProperties site;
    private final PublicPages publicPages;
    private final Clock clock;

    SitemapController(
            PublishedContent content,
            Links links,
            Dates dates,
            SiteProperties site,
            PublicPages publicPages,
            Clock clock) {
        this.content = content;
        this.links = links;
        this.dates = dates;
        this.site = site;
        this.publicPages = publicPages;
        this.clock = clock;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return """
                User-agent: *
                Disallow: /admin/
                Disallow: /account/
                Disallow: /api/
                Disallow: /actuator/

                Sitemap: %1$s/sitemap.xml
                Sitemap: %1$s/sitemaps/news.xml
                """
                .formatted(site.origin());
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index(HttpServletResponse response) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        appendSitemap(xml, "/sitemaps/news.xml");
        appendSitemap(xml, "/sitemaps/sections.xml");
        for (YearMonth month : content.publicationMonths()) {
            appendSitemap(xml, "/sitemaps/articles/" + month + ".xml");
        }
        xml.append("</sitemapindex>\n");
        return xml(xml, content.latest(1), response);
    }

    @GetMapping("/sitemaps/sections.xml")
    ResponseEntity<String> sections(HttpServletResponse response) {
        StringBuilder xml = urlset("");
        appendUrl(xml, "/", null);
        for (Section section : content.sections()) {
            appendUrl(xml, links.section(section), null);
        }
        content.tags().forEach(tag -> appendUrl(xml, links.tag(tag.slug()), null));
        content.publishedAuthors().forEach(author -> appendUrl(xml, links.author(author.slug()), null));
        xml.append("</urlset>\n");
        return xml(xml, content.latest(1), response);
    }

    @GetMapping("/sitemaps/articles/{month:\\d{4}-\\d{2}}.xml")
    ResponseEntity<String> month(@PathVariable String month, HttpServletResponse response) {
        YearMonth yearMonth = parseMonth(month);
        Instant from = yearMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = yearMonth.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<ArticleCard> articles = content.publishedBetween(from, until, SITEMAP_LIMIT);
        if (articles.isEmpty()) {
            throw new NotFoundException("No articles were published in " + month);
        }
        StringBuilder xml = urlset("");
        articles.forEach(article -> appendUrl(xml, links.article(article), article.modifiedAt()));
        xml.append("</urlset>\n");
        return xml(xml, articles, response);
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> news(HttpServletResponse response) {
        Instant now = clock.instant();
        List<ArticleCard> articles = content.publishedBetween(now.minus(NEWS_WINDOW), now, NEWS_LIMIT);
        StringBuilder xml = urlset(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"");
        for (ArticleCard article : articles) {
            xml.append("  <url>\n    <loc>")
                    .append(escape(links.absolute(links.article(article))))
                    .append("</loc>\n    <news:news>\n      <news:publication>\n        <news:name>")
                    .append(escape(site.name()))
                    .append("</news:name>\n        <news:language>")
                    .append(site.language().getLanguage())
                    .append("</news:language>\n      </news:publication>\n      <news:publication_date>")
                    .append(dates.iso(article.publishedAt()))
                    .append("</news:publication_date>\n      <news:title>")
                    .append(escape(article.headline()))
                    .append("</news:title>\n    </news:news>\n  </url>\n");
        }
        xml.append("</urlset>\n");
        return xml(xml, articles, response);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("No sitemap for " + month);
        }
    }

    private ResponseEntity<String> xml(StringBuilder xml, List<ArticleCard> shown, HttpServletResponse response) {
        publicPages.mark(response, PageRequests.lastModified(shown), List.of(SurrogateKeys.FRONT));
        return ResponseEntity.ok().contentType(XML).body(xml.toString());
    }

    private static StringBuilder urlset(String extraNamespaces) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"" + extraNamespaces + ">\n");
    }

    private void appendSitemap(StringBuilder xml, String path) {
        xml.append("  <sitemap><loc>").append(escape(links.absolute(path))).append("</loc></sitemap>\n");
    }

    private void appendUrl(StringBuilder xml, String path, @Nullable Instant lastModified) {
        xml.append("  <url><loc>").append(escape(links.absolute(path))).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(dates.iso(lastModified)).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
