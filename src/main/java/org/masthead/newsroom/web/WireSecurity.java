package org.masthead.newsroom.web;

import org.masthead.newsroom.internal.wire.WireProperties;
import org.masthead.platform.AccessRules;
import org.masthead.platform.BodyLimit;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The wire API is for agencies' programs, with no session: anyone may post, and the bearer token from
 * {@code masthead.wires.token} decides (see {@link WireApiController}). The wire queue at {@code
 * /newsroom/wires} is the newsroom's, under its rule (see {@link NewsroomSecurity}): journalists, editors
 * and admins with both factors.
 */
@Configuration(proxyBeanMethods = false)
class WireSecurity {

    static final String API = "/api/wires";

    @Bean
    @Order(0)
    AccessRules wireApiRules() {
        return routes -> routes.requestMatchers(HttpMethod.POST, API).permitAll();
    }

    /** A program cannot hold a CSRF token; its bearer token stands in for one. */
    @Bean
    WebSecurityContribution wireApiWithoutCsrfToken() {
        return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers(API));
    }

    /** A story may be longer than a form: the API takes what the folder takes. */
    @Bean
    BodyLimit wireApiBodyLimit(WireProperties properties) {
        return new BodyLimit(API, properties.maxSize());
    }
}
