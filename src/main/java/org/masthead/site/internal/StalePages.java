package org.masthead.site.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.ArticleCommentsChanged;
import org.masthead.newsroom.ArticlePublished;
import org.masthead.newsroom.FrontChanged;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.SectionsChanged;
import org.masthead.platform.PageCache;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Drops the pages a newsroom change made stale, on every node. */
@Component
class StalePages {

    private final PageCache pageCache;
    private final PublishedContent content;

    StalePages(PageCache pageCache, PublishedContent content) {
        this.pageCache = pageCache;
        this.content = content;
    }

    /** The article page says whether it takes comments. */
    @ApplicationModuleListener
    void on(ArticleCommentsChanged changed) {
        pageCache.evict(List.of(SurrogateKeys.article(changed.articleId())));
    }

    /** An editor published a front: the home page, or the section's page, shows other stories now. */
    @ApplicationModuleListener
    void on(FrontChanged changed) {
        pageCache.evict(List.of(
                changed.sectionId() == null ? SurrogateKeys.FRONT : SurrogateKeys.section(changed.sectionId())));
    }

    /**
     * An editor added a section or changed one: every page shows the menu, and an article page its
     * section's name, so every page goes, on every node and in the caches in front. Sections change
     * seldom; naming each page that shows them would mean every page.
     */
    @ApplicationModuleListener
    void on(SectionsChanged changed) {
        pageCache.evictAll();
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.article(published.articleId()));
        keys.add(SurrogateKeys.FRONT);
        content.sections().stream()
                .filter(section -> section.id() == published.sectionId())
                .findFirst()
                .ifPresent(section -> content.lineageOf(section).forEach(s -> keys.add(SurrogateKeys.section(s.id()))));
        published.tagIds().forEach(id -> keys.add(SurrogateKeys.tag(id)));
        published.authorIds().forEach(id -> keys.add(SurrogateKeys.author(id)));
        pageCache.evict(keys);
    }
}
