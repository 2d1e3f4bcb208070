package org.masthead.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staffSessionTimeout how long a session of a journalist, editor, moderator or admin lasts
 *     without a request; "keep me signed in" does not lengthen it
 */
@ConfigurationProperties("masthead.accounts")
public record AccountsProperties(@DefaultValue("30m") Duration staffSessionTimeout) {

    /** A session given a timeout of 0 or less would never time out, the opposite of what was meant. */
    public AccountsProperties {
        if (!staffSessionTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "masthead.accounts.staff-session-timeout must be positive, not " + staffSessionTimeout);
        }
    }
}
