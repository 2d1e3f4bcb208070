package org.masthead.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A module's part of the one security filter chain beyond route rules: how people sign in and out,
 * for example. Applied in bean order before the route rules.
 */
@FunctionalInterface
public interface WebSecurityContribution {

    void contribute(HttpSecurity http) throws Exception;
}
