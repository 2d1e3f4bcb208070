package org.masthead.moderation.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google Jigsaw's Perspective API ({@code comments:analyze}), asked for the TOXICITY attribute of
 * each comment. The text is not stored by Perspective ({@code doNotStore}).
 */
class PerspectiveToxicityScorer implements AsyncToxicityScorer {

    /** The request body, as Perspective's API documents it. */
    record Analyze(
            Map<String, String> comment,
            Map<String, Map<String, Object>> requestedAttributes,
            List<String> languages,
            boolean doNotStore) {}

    private final HttpClient http;
    private final JsonMapper json;
    private final URI endpoint;
    private final Duration timeout;

    PerspectiveToxicityScorer(HttpClient http, JsonMapper json, String baseUrl, String apiKey, Duration timeout) {
        this.http = http;
        this.json = json;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(
                base + "/v1alpha1/comments:analyze?key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "perspective";
    }

    @Override
    public CompletableFuture<Double> scoreAsync(String text) {
        Analyze body = new Analyze(Map.of("text", text), Map.of("TOXICITY", Map.of()), List.of("en"), true);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::scoreIn);
    }

    private double scoreIn(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Perspective answered " + response.statusCode());
        }
        JsonNode value = json.readTree(response.body())
                .path("attributeScores")
                .path("TOXICITY")
                .path("summaryScore")
                .path("value");
        if (!value.isNumber()) {
            throw new IllegalStateException("Perspective's answer has no TOXICITY score");
        }
        return value.asDouble();
    }
}
