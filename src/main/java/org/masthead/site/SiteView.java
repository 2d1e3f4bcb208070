package org.masthead.site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/** What every page template may ask about the site as a whole. */
@Component
public class SiteView {

    private final SiteProperties properties;
    private final PublishedContent content;
    private final Clock clock;

    SiteView(SiteProperties properties, PublishedContent content, Clock clock) {
        this.properties = properties;
        this.content = content;
        this.clock = clock;
    }

    public String name() {
        return properties.name();
    }

    public String tagline() {
        return properties.tagline();
    }

    public String language() {
        return properties.language().toLanguageTag();
    }

    /** The top-level sections, for navigation. */
    public List<Section> sections() {
        return content.topLevelSections();
    }

    public Instant now() {
        return clock.instant();
    }
}
