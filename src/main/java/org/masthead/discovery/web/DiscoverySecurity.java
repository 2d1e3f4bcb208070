package org.masthead.discovery.web;

import org.masthead.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** Search and its suggestions are for everyone to read; every reader's reading is counted. */
@Configuration(proxyBeanMethods = false)
class DiscoverySecurity {

    @Bean
    @Order(0)
    AccessRules discoveryRules() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/search", "/search/suggestions", "/views/*")
                .permitAll();
    }
}
