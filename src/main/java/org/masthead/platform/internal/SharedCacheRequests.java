package org.masthead.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends a purge and insists on a 2xx answer. */
final class SharedCacheRequests {

    private SharedCacheRequests() {}

    static void send(HttpClient http, HttpRequest request) {
        HttpResponse<Void> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while purging " + request.uri(), e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + " answered " + answer.statusCode());
        }
    }
}
