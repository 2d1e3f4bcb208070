package org.masthead.platform;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The caches in front of Masthead (Varnish, a CDN) that must drop a page when its content changes, as the
 * in-app page cache does.
 *
 * @param purgeUrls each cache to purge: {@code http://host:port} for a Varnish (or any cache that takes
 *     a {@code PURGE} request with the keys in an {@code xkey-purge} header, as {@code deploy/masthead.vcl}
 *     does), {@code fastly:SERVICE_ID} for a Fastly service; empty for none
 * @param fastlyApi Fastly's API, changed only to test against a stand-in
 * @param fastlyToken the API token that may purge the Fastly services named
 * @param pollInterval how often each node looks for purges due, besides being woken when one is queued
 * @param timeout how long a cache has to answer a purge
 * @param retryDelay the wait after a failed purge, doubled after each failure up to {@code maxRetryDelay}
 * @param giveUpAfter how long a purge that keeps failing is tried for: past this, the pages it would
 *     drop have long expired from any cache that honours their {@code Cache-Control}
 */
@ConfigurationProperties("masthead.cache")
public record SharedCacheProperties(
        @DefaultValue List<URI> purgeUrls,
        @DefaultValue("https://api.fastly.com") URI fastlyApi,
        @Nullable String fastlyToken,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("1m") Duration maxRetryDelay,
        @DefaultValue("1d") Duration giveUpAfter) {

    public SharedCacheProperties {
        for (URI url : purgeUrls) {
            String scheme = String.valueOf(url.getScheme());
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("fastly")) {
                throw new IllegalArgumentException("masthead.cache.purge-urls: " + url
                        + " is neither http://host:port (a Varnish) nor fastly:SERVICE_ID");
            }
            if (scheme.equals("fastly") && (fastlyToken == null || fastlyToken.isBlank())) {
                throw new IllegalArgumentException("masthead.cache.purge-urls names " + url
                        + ": set masthead.cache.fastly-token to an API token that may purge it");
            }
        }
        if (!pollInterval.isPositive() || !timeout.isPositive()) {
            throw new IllegalArgumentException("masthead.cache.poll-interval and masthead.cache.timeout must be"
                    + " positive, not " + pollInterval + " and " + timeout);
        }
        if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("masthead.cache.retry-delay and masthead.cache.give-up-after must not"
                    + " be negative, and masthead.cache.max-retry-delay at least masthead.cache.retry-delay, not "
                    + retryDelay + ", " + giveUpAfter + " and " + maxRetryDelay);
        }
    }
}
