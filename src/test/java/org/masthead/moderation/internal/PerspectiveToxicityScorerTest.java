package org.masthead.moderation.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.ModerationProperties;
import org.masthead.moderation.internal.Step.Decision.Kind;
import tools.jackson.databind.json.JsonMapper;

/** The Perspective adapter against a local stub of Perspective's API: nothing reaches the internet. */
class PerspectiveToxicityScorerTest {

    static final WireMockServer perspective =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static final String ANALYZE = "/v1alpha1/comments:analyze";

    @BeforeAll
    static void start() {
        perspective.start();
    }

    @AfterAll
    static void stop() {
        perspective.stop();
    }

    @BeforeEach
    void reset() {
        perspective.resetAll();
    }

    private PerspectiveToxicityScorer scorer(Duration timeout) {
        return new PerspectiveToxicityScorer(
                HttpClient.newHttpClient(), JsonMapper.builder().build(), perspective.baseUrl(), "test-key", timeout);
    }

    private static String score(double value) {
        return """
                {"attributeScores": {"TOXICITY": {"spanScores": [], "summaryScore": {"value": %s, "type": "PROBABILITY"}}},
                 "languages": ["en"], "detectedLanguages": ["en"]}"""
                .formatted(value);
    }

    @Test
    void asksForTheToxicityOfTheTextWithItsKeyAndReadsTheSummaryScore() {
        perspective.stubFor(post(urlPathEqualTo(ANALYZE)).willReturn(okJson(score(0.93))));

        double value = scorer(Duration.ofSeconds(2)).score("You are a disgrace");

        assertThat(value).isEqualTo(0.93);
        perspective.verify(
                postRequestedFor(urlPathEqualTo(ANALYZE))
                        .withQueryParam("key", equalTo("test-key"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"comment": {"text": "You are a disgrace"}, "requestedAttributes": {"TOXICITY": {}},
                         "languages": ["en"], "doNotStore": true}""")));
    }

    @Test
    void anErrorFromPerspectiveIsAFailureNotAScore() {
        perspective.stubFor(post(urlPathEqualTo(ANALYZE)).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> scorer(Duration.ofSeconds(2)).score("text")).hasMessage("Perspective answered 429");
    }

    @Test
    void aSlowPerspectiveLeavesTheCommentPublishedWithinTheBudgetAndSaysSo() {
        perspective.stubFor(
                post(urlPathEqualTo(ANALYZE)).willReturn(okJson(score(0.99)).withFixedDelay(2000)));
        var toxicity = new ModerationProperties.Toxicity(
                0.8, Duration.ofMillis(100), ModerationProperties.Fallback.PUBLISH, "test-key", perspective.baseUrl());
        ToxicityStep step = new ToxicityStep(
                scorer(Duration.ofSeconds(5)), new ModerationProperties(3, 2, Duration.ofDays(1), 3, toxicity));
        try {
            long started = System.nanoTime();
            Step.Decision decision = step.check(new CommentSubmission(1, 2, null, "You are a disgrace"));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
            assertThat(decision.kind()).isEqualTo(Kind.PASS);
            assertThat(decision.note()).contains("the perspective scorer did not answer within 100 ms");
        } finally {
            step.destroy();
        }
    }

    @Test
    void aHighScoreFromPerspectiveHoldsTheComment() {
        perspective.stubFor(post(urlPathEqualTo(ANALYZE)).willReturn(okJson(score(0.91))));
        var toxicity = new ModerationProperties.Toxicity(
                0.8, Duration.ofSeconds(2), ModerationProperties.Fallback.PUBLISH, "test-key", perspective.baseUrl());
        ToxicityStep step = new ToxicityStep(
                scorer(Duration.ofSeconds(2)), new ModerationProperties(3, 2, Duration.ofDays(1), 3, toxicity));
        try {
            Step.Decision decision = step.check(new CommentSubmission(1, 2, null, "You are a disgrace"));

            assertThat(decision.kind()).isEqualTo(Kind.HOLD);
            assertThat(decision.reason()).isEqualTo("Scored 0.91 for toxicity by the perspective scorer, above 0.80");
        } finally {
            step.destroy();
        }
    }
}
