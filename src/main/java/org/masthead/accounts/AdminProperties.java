package org.masthead.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up when both are set and no account has the address.
 *
 * @param email {@code MASTHEAD_ADMIN_EMAIL}
 * @param password {@code MASTHEAD_ADMIN_PASSWORD}
 */
@ConfigurationProperties("masthead.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {}
