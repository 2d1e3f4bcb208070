package org.masthead.newsroom.internal.wire;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How agency copy comes in.
 *
 * @param token the bearer token {@code POST /api/wires} asks for; empty (the default) leaves the API
 *     closed, answering 404
 * @param maxSize the largest file or request body taken; larger files are quarantined unread
 * @param pollInterval how often each node looks in {@code <data-dir>/wires/incoming}
 * @param settleTime how long a file must have been left unchanged before it is taken, so that one still
 *     being written is not read half-way
 * @param defaultAgency the agency credited for copy that names none, such as plain text
 * @param claimTimeout how long a file may sit claimed by a node before another node takes it back (the
 *     first must have stopped while working on it)
 */
@ConfigurationProperties("masthead.wires")
public record WireProperties(
        @DefaultValue("") String token,
        @DefaultValue("1MB") DataSize maxSize,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1s") Duration settleTime,
        @DefaultValue("Wire") String defaultAgency,
        @DefaultValue("10m") Duration claimTimeout) {

    /** Wire copy is text: a story of more than this is not a story. */
    static final int MAX_SIZE_CEILING = 16 * 1024 * 1024;

    public WireProperties {
        if (maxSize.toBytes() < 1 || maxSize.toBytes() > MAX_SIZE_CEILING) {
            throw new IllegalArgumentException("masthead.wires.max-size must be between 1 byte and 16MB");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("masthead.wires.poll-interval must be positive");
        }
        if (settleTime.isNegative() || !claimTimeout.isPositive()) {
            throw new IllegalArgumentException("masthead.wires.settle-time must not be negative, and"
                    + " masthead.wires.claim-timeout must be positive, not " + settleTime + " and " + claimTimeout);
        }
        if (defaultAgency.isBlank()) {
            throw new IllegalArgumentException("masthead.wires.default-agency must name an agency");
        }
    }

    public boolean apiOpen() {
        return !token.isBlank();
    }
}
