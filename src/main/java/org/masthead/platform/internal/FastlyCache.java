package org.masthead.platform.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collection;
import org.masthead.platform.SharedCache;

/**
 * A Fastly service, purged through Fastly's API: by surrogate keys ({@code POST /service/{id}/purge} with a
 * {@code Surrogate-Key} header), or whole ({@code POST /service/{id}/purge_all}).
 */
final class FastlyCache implements SharedCache {

    private final HttpClient http;
    private final URI service;
    private final String token;
    private final Duration timeout;

    FastlyCache(HttpClient http, URI api, String serviceId, String token, Duration timeout) {
        this.http = http;
        this.service = api.resolve("/service/" + serviceId + "/");
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public void purge(Collection<String> surrogateKeys) {
        send(request("purge").header("Surrogate-Key", String.join(" ", surrogateKeys)));
    }

    @Override
    public void purgeAll() {
        send(request("purge_all"));
    }

    private HttpRequest.Builder request(String action) {
        return HttpRequest.newBuilder(service.resolve(action))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Fastly-Key", token)
                .header("Accept", "application/json")
                .timeout(timeout);
    }

    private void send(HttpRequest.Builder request) {
        SharedCacheRequests.send(http, request.build());
    }
}
