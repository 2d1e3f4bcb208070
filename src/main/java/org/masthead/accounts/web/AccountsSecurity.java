package org.masthead.accounts.web;

import java.util.Map;
import org.masthead.platform.AccessRules;
import org.masthead.platform.WebSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/** How people sign in and out, and who may reach the account pages. */
@Configuration(proxyBeanMethods = false)
class AccountsSecurity {

    /** Argon2id for every new hash; the prefix in each stored hash says how to check it. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /** "Keep me signed in" makes the session cookie outlive the browser, for 30 days. */
    @Bean
    SpringSessionRememberMeServices rememberMeServices() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setRememberMeParameterName("remember-me");
        services.setValiditySeconds(30 * 24 * 60 * 60);
        return services;
    }

    @Bean
    WebSecurityContribution signInAndOut(SpringSessionRememberMeServices rememberMe) {
        return http -> http.formLogin(form -> form.loginPage("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/account")
                        .failureUrl("/signin?error")
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutUrl("/signout")
                        .logoutSuccessUrl("/")
                        .deleteCookies("SESSION")
                        .permitAll());
    }

    @Bean
    @Order(0)
    AccessRules accountRules() {
        return routes -> routes.requestMatchers("/register", "/register/check-email", "/account/verify")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/me")
                .permitAll()
                .requestMatchers("/account", "/account/**")
                .authenticated();
    }
}
