package org.masthead.site.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ArticleCard;
import org.masthead.site.Dates;
import org.masthead.site.Links;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Each article card's HTML, as the {@code card} fragment of {@code fragments/layout} renders it, kept
 * once rendered. A front shows a hundred cards and rendering them was most of its cost (64% of the home
 * page's CPU samples); a card's HTML depends only on the card, its size and its comment count, which
 * together are the key, so a changed headline, picture or count is a new entry and never a stale one.
 * Pages write it with {@code th:utext}: it is the fragment's own escaped output.
 */
@Component
public class CardHtml {

    /** About 1.5 KB each: a few fronts' and sections' worth of cards in a few megabytes. */
    private static final int KEPT = 5_000;

    /**
     * Equal only when everything the card shows is; hashed on what tells cards apart almost always (the
     * article and its last change), since each request's cards are new objects and hashing every headline,
     * picture and byline of a hundred cards was 5% of the home page's CPU.
     */
    private record Key(ArticleCard card, String size, @Nullable Integer comments) {

        @Override
        public int hashCode() {
            int hash = 31 * Long.hashCode(card.id()) + card.modifiedAt().hashCode();
            return 31 * (31 * hash + size.hashCode()) + Objects.hashCode(comments);
        }
    }

    private final Cache<Key, String> rendered =
            Caffeine.newBuilder().maximumSize(KEPT).build();
    private final ITemplateEngine templates;
    private final Links links;
    private final Dates dates;

    CardHtml(ITemplateEngine templates, Links links, Dates dates) {
        this.templates = templates;
        this.links = links;
        this.dates = dates;
    }

    /**
     * @param size {@code lead}, {@code medium}, {@code compact} or {@code small}
     * @param commentCounts the page's comment counts by article, where it shows them
     */
    public String of(ArticleCard card, String size, @Nullable Map<Long, Integer> commentCounts) {
        Integer comments = commentCounts == null ? null : commentCounts.get(card.id());
        return rendered.get(new Key(card, size, comments), this::render);
    }

    private String render(Key key) {
        Context context = new Context();
        context.setVariable("card", key.card());
        context.setVariable("size", key.size());
        context.setVariable("links", links);
        context.setVariable("dates", dates);
        context.setVariable(
                "commentCounts",
                key.comments() == null ? null : Map.of(key.card().id(), key.comments()));
        return templates.process("fragments/layout", Set.of("card"), context);
    }
}
