package org.masthead.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.Tag;

/** The names by which pages declare what they show, and by which they are purged when it changes. */
public final class SurrogateKeys {

    /** Lists of the latest articles site-wide: the home page, the site feed, sitemaps. */
    public static final String FRONT = "front";

    private SurrogateKeys() {}

    public static String article(long id) {
        return "article-" + id;
    }

    public static String section(long id) {
        return "section-" + id;
    }

    public static String tag(long id) {
        return "tag-" + id;
    }

    public static String author(long id) {
        return "author-" + id;
    }

    public static List<String> of(Section section) {
        return List.of(section(section.id()));
    }

    public static List<String> of(Tag tag) {
        return List.of(tag(tag.id()));
    }

    public static List<String> of(Author author) {
        return List.of(author(author.id()));
    }

    /** An article page shows the article, and lists from its section and first tag. */
    public static List<String> of(PublishedArticle article) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(article(article.id()));
        keys.add(section(article.section().id()));
        article.tags().forEach(t -> keys.add(tag(t.id())));
        article.authors().forEach(a -> keys.add(author(a.id())));
        return new ArrayList<>(keys);
    }
}
