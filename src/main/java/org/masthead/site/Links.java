package org.masthead.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
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

    /** The JPEG of the picture as taken, at this width: for feeds, cards on other sites and structured data. */
    public String image(ImageRef image, int width) {
        return image(image, ImageCrop.ORIGINAL, width, ImageFormat.JPEG);
    }

    public String image(ImageRef image, ImageCrop crop, int width, ImageFormat format) {
        return image.address(crop, width, format);
    }

    /** A srcset of the JPEGs of the picture as taken, at every width it is kept at. */
    public String srcset(ImageRef image) {
        return image.srcset(ImageCrop.ORIGINAL, ImageFormat.JPEG);
    }

    /**
     * A srcset listing every width the image is served at, in a shape and a format.
     *
     * @param crop {@code 16x9}, {@code 1x1}, or empty for the picture as taken
     * @param format {@code webp} or {@code jpg}
     */
    public String srcset(ImageRef image, String crop, String format) {
        return image.srcset(
                ImageCrop.ofPath(crop).orElseThrow(),
                ImageFormat.ofExtension(format).orElseThrow());
    }

    /** The JPEG rendition closest to, and not smaller than, the given width; else the largest. */
    public String imageAtLeast(ImageRef image, int width) {
        return imageAtLeast(image, "", width);
    }

    public String imageAtLeast(ImageRef image, String crop, int width) {
        return image.address(ImageCrop.ofPath(crop).orElseThrow(), image.widthAtLeast(width), ImageFormat.JPEG);
    }

    /**
     * The rendition closest to, and not smaller than, the given width, in a shape and a format.
     *
     * @param crop {@code 16x9}, {@code 1x1}, or empty for the picture as taken
     * @param format {@code webp} or {@code jpg}
     */
    public String imageAtLeast(ImageRef image, String crop, int width, String format) {
        return image.address(
                ImageCrop.ofPath(crop).orElseThrow(),
                image.widthAtLeast(width),
                ImageFormat.ofExtension(format).orElseThrow());
    }

    /** The height of the largest rendition in this shape, for an img's height attribute beside its width. */
    public int largestHeight(ImageRef image, String crop) {
        return image.heightAt(ImageCrop.ofPath(crop).orElseThrow(), image.largestWidth());
    }

    public String absolute(String path) {
        return site.origin() + path;
    }
}
