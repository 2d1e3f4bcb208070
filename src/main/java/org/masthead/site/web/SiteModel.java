package org.masthead.site.web;

import org.masthead.site.Dates;
import org.masthead.site.Links;
import org.masthead.site.SiteView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page template the site, its addresses, its dates, its article cards and the chrome every page
 * shares as model variables. (Thymeleaf does not allow bean references such as {@code @links} in URL attributes.)
 */
@ControllerAdvice
class SiteModel {

    private final SiteView site;
    private final Links links;
    private final Dates dates;
    private final CardHtml cards;
    private final SiteChrome chrome;

    SiteModel(SiteView site, Links links, Dates dates, CardHtml cards, SiteChrome chrome) {
        this.site = site;
        this.links = links;
        this.dates = dates;
        this.cards = cards;
        this.chrome = chrome;
    }

    @ModelAttribute
    void addSiteHelpers(Model model) {
        model.addAttribute("site", site);
        model.addAttribute("links", links);
        model.addAttribute("dates", dates);
        model.addAttribute("cards", cards);
        model.addAttribute("chrome", chrome);
    }
}
