package org.masthead.site.web;

import java.util.List;
import java.util.Set;
import org.masthead.newsroom.Section;
import org.masthead.site.Dates;
import org.masthead.site.Links;
import org.masthead.site.SiteView;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What every page shares, as the fragments of {@code fragments/chrome} render it: what the head loads, the
 * masthead with the sections' navigation, and the footer. It is the same on every page until the sections or
 * the day in the masthead change, so it is rendered then and kept; rendered for each page it was about a tenth
 * of an article page's CPU. Pages include it through {@code fragments/layout}, which writes it with
 * {@code th:utext}: it is the fragments' own escaped output.
 */
@Component
public class SiteChrome {

    /** Everything the fragments show; another value is another rendering. */
    private record Shown(String name, String tagline, String day, List<Section> sections) {}

    private record Rendered(Shown shown, String head, String header, String footer) {}

    private final ITemplateEngine templates;
    private final SiteView site;
    private final Dates dates;
    private final Links links;
    private final ResourceUrlProvider assets;
    private volatile Rendered rendered;

    SiteChrome(ITemplateEngine templates, SiteView site, Dates dates, Links links, ResourceUrlProvider assets) {
        this.templates = templates;
        this.site = site;
        this.dates = dates;
        this.links = links;
        this.assets = assets;
    }

    public String head() {
        return current().head();
    }

    public String header() {
        return current().header();
    }

    public String footer() {
        return current().footer();
    }

    /**
     * A stylesheet's, script's or image's address with its content's hash, as {@code @{...}} gives it on a page
     * (which the chrome, rendered outside any request, cannot use).
     */
    public String asset(String path) {
        String versioned = assets.getForLookupPath(path);
        if (versioned == null) {
            throw new IllegalArgumentException("No static asset at " + path);
        }
        return versioned;
    }

    private Rendered current() {
        Shown shown = new Shown(site.name(), site.tagline(), dates.day(site.now()), site.sections());
        Rendered kept = rendered;
        if (kept == null || !kept.shown().equals(shown)) {
            // Two requests may render it at once after a change; both get the same HTML, and either is kept.
            kept = new Rendered(
                    shown, render("head-common", shown), render("masthead", shown), render("site-footer", shown));
            rendered = kept;
        }
        return kept;
    }

    private String render(String fragment, Shown shown) {
        Context context = new Context();
        context.setVariable("chrome", this);
        context.setVariable("links", links);
        context.setVariable("name", shown.name());
        context.setVariable("tagline", shown.tagline());
        context.setVariable("day", shown.day());
        context.setVariable("sections", shown.sections());
        return templates.process("fragments/chrome", Set.of(fragment), context);
    }
}
