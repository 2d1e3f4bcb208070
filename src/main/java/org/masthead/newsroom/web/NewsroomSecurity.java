package org.masthead.newsroom.web;

import org.masthead.newsroom.internal.Desk;
import org.masthead.platform.AccessRules;
import org.masthead.platform.BodyLimit;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * The newsroom is for journalists, editors and admins, signed in with both factors like every staff
 * area. What only editors may do (publish, schedule, correct, unpublish, send back, read the whole log,
 * arrange the fronts, add and change authors and sections) is refused to journalists here already; which article a journalist may touch is the workflow's to judge.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomSecurity {

    @Bean
    @Order(0)
    AccessRules newsroomRules() {
        return routes -> routes.requestMatchers(
                        HttpMethod.POST,
                        "/newsroom/articles/*/publish",
                        "/newsroom/articles/*/unpublish",
                        "/newsroom/articles/*/schedule",
                        "/newsroom/articles/*/unschedule",
                        "/newsroom/articles/*/corrections",
                        "/newsroom/articles/*/send-back")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers(HttpMethod.GET, "/newsroom/log")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers("/newsroom/fronts", "/newsroom/fronts/**")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers("/newsroom/authors", "/newsroom/authors/**")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers("/newsroom/sections", "/newsroom/sections/**")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers("/newsroom", "/newsroom/**")
                .access(StaffAccess.requiresAnyOf("JOURNALIST", "EDITOR", "ADMIN"));
    }

    /**
     * The article form carries a long read, far past the usual limit of a form: room for a body of
     * {@link Desk#BODY_MAX} characters however it is written (a character takes at most 9 bytes in a
     * form, 3 of UTF-8 each written {@code %XX}) and the other fields. A body that is too long then
     * reaches the form and is refused beside the field, with the words kept.
     */
    static final DataSize ARTICLE_FORM_MAX = DataSize.ofBytes(Desk.BODY_MAX * 9L + 64 * 1024);

    @Bean
    BodyLimit newArticleBodyLimit() {
        return new BodyLimit("/newsroom/articles", ARTICLE_FORM_MAX);
    }

    @Bean
    BodyLimit articleBodyLimit() {
        return new BodyLimit("/newsroom/articles/{id}", ARTICLE_FORM_MAX);
    }

    /** Each of these saves the form first; corrections, notes and the rest keep the usual limit. */
    @Bean
    BodyLimit articleStepBodyLimit() {
        return new BodyLimit("/newsroom/articles/{id}/{step:autosave|submit|publish|schedule}", ARTICLE_FORM_MAX);
    }

    @Bean
    BodyLimit previewBodyLimit() {
        return new BodyLimit("/newsroom/preview", ARTICLE_FORM_MAX);
    }
}
