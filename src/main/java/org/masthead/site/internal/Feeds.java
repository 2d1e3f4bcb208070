package org.masthead.site.internal;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.Date;
import java.util.List;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.CorrectedArticle;
import org.masthead.platform.SiteProperties;
import org.masthead.site.Links;
import org.springframework.stereotype.Component;

/** RSS 2.0 feeds of the latest articles, written with ROME. */
@Component
public class Feeds {

    private final Links links;
    private final SiteProperties site;

    Feeds(Links links, SiteProperties site) {
        this.links = links;
        this.site = site;
    }

    /**
     * @param title what the feed is of, such as "World" (the site's name is added)
     * @param pagePath the page the feed mirrors, such as {@code /world}
     */
    public String rss(String title, String description, String pagePath, List<ArticleCard> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(title.isEmpty() ? site.name() : title + " | " + site.name());
        feed.setDescription(description.isEmpty() ? site.tagline() : description);
        feed.setLink(links.absolute(pagePath));
        feed.setLanguage(site.language().toLanguageTag());
        feed.setCopyright(site.name());
        articles.stream().findFirst().ifPresent(a -> feed.setPublishedDate(Date.from(a.publishedAt())));
        feed.setEntries(articles.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the feed for " + pagePath, e);
        }
    }

    /** The corrections page's feed: one entry per correction or clarification, newest first. */
    public String corrections(String title, String description, String pagePath, List<CorrectedArticle> corrections) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(title + " | " + site.name());
        feed.setDescription(description);
        feed.setLink(links.absolute(pagePath));
        feed.setLanguage(site.language().toLanguageTag());
        feed.setCopyright(site.name());
        corrections.stream()
                .findFirst()
                .ifPresent(c -> feed.setPublishedDate(Date.from(c.correction().addedAt())));
        feed.setEntries(corrections.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the feed for " + pagePath, e);
        }
    }

    /**
     * A withdrawn article's entry keeps its link, and so its id: the old address tells readers it is gone or
     * sends them to its replacement, and feed readers do not take the entry for a new one.
     */
    private SyndEntry entry(CorrectedArticle corrected) {
        SyndEntry entry = new SyndEntryImpl();
        String url = links.absolute(links.article(corrected.article())) + "#corrections";
        entry.setTitle(
                corrected.correction().label() + ": " + corrected.article().headline());
        entry.setLink(url);
        entry.setUri(url + "-" + corrected.correction().id());
        entry.setPublishedDate(Date.from(corrected.correction().addedAt()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(corrected.correction().text()
                + (corrected.withdrawn() ? " The article has since been withdrawn." : ""));
        entry.setDescription(description);
        return entry;
    }

    private SyndEntry entry(ArticleCard article) {
        SyndEntry entry = new SyndEntryImpl();
        String url = links.absolute(links.article(article));
        entry.setTitle(article.headline());
        entry.setLink(url);
        entry.setUri(url);
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.modifiedAt()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(article.standfirst());
        entry.setDescription(description);
        SyndCategoryImpl category = new SyndCategoryImpl();
        category.setName(article.section().name());
        entry.setCategories(List.of(category));
        entry.setAuthor(String.join(
                ", ", article.bylines().stream().map(ArticleCard.Byline::name).toList()));
        return entry;
    }
}
