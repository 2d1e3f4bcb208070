package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.masthead.newsroom.SectionPaths;
import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** Everything the public site shows is for everyone, to read (GET and HEAD); its previews are for staff. */
@Configuration(proxyBeanMethods = false)
class SiteSecurity {

    private static final Pattern SECTION = Pattern.compile(SectionPaths.SECTION_SLUG);

    private static final Set<String> PAGES = Set.of(
            "/",
            "/robots.txt",
            "/sitemap.xml",
            "/rss",
            "/favicon.ico",
            "/apple-touch-icon.png",
            "/manifest.json",
            "/.well-known/security.txt",
            "/corrections",
            "/corrections/rss");
    private static final List<String> TREES =
            List.of("/sitemaps/", "/css/", "/js/", "/img/", "/media/", "/topic/", "/author/");

    /**
     * Previews of the newsroom's work on the site's own pages: a front's draft for editors, an article
     * for the staff who may open it (which the newsroom judges). Applied before the newsroom's rules,
     * which would let every journalist into everything under /newsroom.
     */
    @Bean
    @Order(-1)
    AccessRules previewRules() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/newsroom/preview/fronts/**")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers(HttpMethod.GET, "/newsroom/preview/articles/**")
                .access(StaffAccess.requiresAnyOf("JOURNALIST", "EDITOR", "ADMIN"));
    }

    /**
     * Applied after every other module's rules, because sections and articles live at top-level
     * addresses the newsroom chooses; the addresses kept for other modules are never opened here.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    AccessRules siteRules() {
        return routes -> routes.requestMatchers(SiteSecurity::isPublicRead).permitAll();
    }

    static boolean isPublicRead(HttpServletRequest request) {
        // HEAD is judged as its GET by the platform's rules, before any module's.
        if (!request.getMethod().equals("GET")) {
            return false;
        }
        String path = request.getRequestURI();
        if (PAGES.contains(path) || TREES.stream().anyMatch(path::startsWith)) {
            return true;
        }
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        return SECTION.matcher(first).matches();
    }
}
