package org.masthead.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.ImageRef;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.Section;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The addresses of the site's pages. An article lives under its section and the date it was first
 * published, in the site's zone: {@code /world/asia/2026/nov/24/police-headquarters-attacked}.
 */
@Component
public class Links {

    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy/MMM/dd", Locale.ENGLISH);

    private final SiteProperties site;

    Links(SiteProperties site) {
        this.site = site;
    }

    public String article(ArticleCard card) {
        return article(card.section(), card.publishedAt(), card.slug());
    }

    public String article(PublishedArticle article) {
        return article(article.section(), article.publishedAt(), article.slug());
    }

    private String article(Section section, Instant publishedAt, String slug) {
        LocalDate date = LocalDate.ofInstant(publishedAt, site.timeZone());
        return "/" + section.path() + "/" + DATED.format(date).toLowerCase(Locale.ROOT) + "/" + slug;
    }

    public String section(Section section) {
        return "/" + section.path();
    }

    public String tag(String slug) {
        return "/topic/" + slug;
    }

    public String author(String slug) {
        return "/author/" + slug;
    }

    public String image(ImageRef image, int width) {
        return "/media/" + image.id() + "/" + width + ".jpg";
    }

    /** A srcset listing every width the image is kept at. */
    public String srcset(ImageRef image) {
        StringBuilder srcset = new StringBuilder();
        for (int width : image.widths()) {
            if (!srcset.isEmpty()) {
                srcset.append(", ");
            }
            srcset.append(image(image, width)).append(' ').append(width).append('w');
        }
        return srcset.toString();
    }

    /** The rendition closest to, and not smaller than, the given width; else the largest. */
    public String imageAtLeast(ImageRef image, int width) {
        return image(
                image,
                image.widths().stream().filter(w -> w >= width).findFirst().orElse(image.largestWidth()));
    }

    public String absolute(String path) {
        return site.origin() + path;
    }
}
