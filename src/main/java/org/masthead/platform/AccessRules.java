package org.masthead.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may reach a module's routes. Each module declares a bean of this type next to its controllers;
 * the security configuration applies them all and denies every route none of them names. A rule names
 * GET only: a HEAD request is judged as the GET it stands for, and OPTIONS, which runs nothing, is open
 * to everyone.
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
