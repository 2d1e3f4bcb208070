package org.masthead.discovery.web;

import org.masthead.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Search and its suggestions are for everyone to read; every reader's reading is counted. Whether one
 * follows a topic or an author answers anyone (a visitor follows nothing); following, and "My news",
 * need a signed-in reader.
 */
@Configuration(proxyBeanMethods = false)
class DiscoverySecurity {

    @Bean
    @Order(0)
    AccessRules discoveryRules() {
        return routes -> routes.requestMatchers(
                        HttpMethod.GET, "/search", "/search/suggestions", "/views/*", "/follows/state/*/*")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/follows/*/*")
                .authenticated()
                .requestMatchers(HttpMethod.DELETE, "/follows/*/*")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/my-news")
                .authenticated();
    }
}
