package org.masthead.site.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    /**
     * A schema.org thing inside the article, its keys always in this order: the page's bytes, and so its
     * ETag, are then the same on every node and after every restart (a {@code Map.of} orders them afresh in
     * each JVM).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Thing(@JsonProperty("@type") String type, @Nullable String name, String url, @Nullable Thing logo) {}

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
                        .map(a -> new Thing("Person", a.name(), links.absolute(links.author(a.slug())), null))
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
                new Thing(
                        "NewsMediaOrganization",
                        site.name(),
                        site.origin() + "/",
                        new Thing("ImageObject", null, site.origin() + "/img/logo.png", null)));
        // "</script>" inside a string would end the element early; escaped, it means the same JSON.
        return json.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
