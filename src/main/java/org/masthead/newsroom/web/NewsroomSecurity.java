package org.masthead.newsroom.web;

import org.masthead.platform.AccessRules;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

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
}
