package org.masthead.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staffSessionTimeout how long a session of a journalist, editor, moderator or admin lasts
 *     without a request; "keep me signed in" does not lengthen it
 */
@ConfigurationProperties("masthead.accounts")
public record AccountsProperties(@DefaultValue("30m") Duration staffSessionTimeout) {}
