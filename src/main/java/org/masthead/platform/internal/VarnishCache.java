package org.masthead.platform.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collection;
import org.masthead.platform.SharedCache;

/**
 * A Varnish with Masthead's VCL ({@code deploy/masthead.vcl}): a {@code PURGE} request with the keys in an
 * {@code xkey-purge} header drops the pages naming them (varnish-modules' xkey); with {@code *}, every page.
 */
final class VarnishCache implements SharedCache {

    private final HttpClient http;
    private final URI address;
    private final Duration timeout;

    VarnishCache(HttpClient http, URI address, Duration timeout) {
        this.http = http;
        this.address = address.resolve("/");
        this.timeout = timeout;
    }

    @Override
    public void purge(Collection<String> surrogateKeys) {
        send(String.join(" ", surrogateKeys));
    }

    @Override
    public void purgeAll() {
        send("*");
    }

    private void send(String keys) {
        SharedCacheRequests.send(
                http,
                HttpRequest.newBuilder(address)
                        .method("PURGE", HttpRequest.BodyPublishers.noBody())
                        .header("xkey-purge", keys)
                        .timeout(timeout)
                        .build());
    }
}
