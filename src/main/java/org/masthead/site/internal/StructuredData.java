package org.masthead.site.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.platform.SiteProperties;
import org.masthead.site.Dates;
import org.masthead.site.Links;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** schema.org JSON-LD that search engines read to show an article as news. */
@Component
public class StructuredData {

    private final JsonMapper json;
    private final Links links;
    private final Dates dates;
    private final SiteProperties site;

    StructuredData(JsonMapper json, Links links, Dates dates, SiteProperties site) {
        this.json = json;
        this.links = links;
        this.dates = dates;
        this.site = site;
    }

    /** A NewsArticle, safe to place inside a {@code <script type="application/ld+json">} element. */
    public String newsArticle(PublishedArticle article) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", links.absolute(links.article(article)));
        data.put("headline", article.headline());
        data.put("description", article.standfirst());
        data.put("datePublished", dates.iso(article.publishedAt()));
        data.put("dateModified", dates.iso(article.updatedAt() != null ? article.updatedAt() : article.publishedAt()));
        data.put("articleSection", article.section().name());
        data.put("keywords", article.tags().stream().map(t -> t.name()).toList());
        data.put(
                "author",
                article.authors().stream()
                        .map(a -> Map.of(
                                "@type", "Person", "name", a.name(), "url", links.absolute(links.author(a.slug()))))
                        .toList());
        if (article.mainImage() != null) {
            data.put(
                    "image",
                    List.of(links.absolute(
                            links.image(article.mainImage(), article.mainImage().largestWidth()))));
        }
        data.put("isAccessibleForFree", true);
        data.put(
                "publisher",
                Map.of(
                        "@type",
                        "NewsMediaOrganization",
                        "name",
                        site.name(),
                        "url",
                        site.origin() + "/",
                        "logo",
                        Map.of("@type", "ImageObject", "url", site.origin() + "/img/logo.png")));
        // "</script>" inside a string would end the element early; escaped, it means the same JSON.
        return json.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
