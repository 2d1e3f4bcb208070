package org.masthead.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.notifications.NotificationSettings;

/** Each GRIP proxy is published to on its own: one slow to answer, or not answering, holds the others back not at all. */
class GripPublisherTest {

    private final WireMockServer slow =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final WireMockServer quick =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private GripPublisher publisher;

    @BeforeEach
    void start() {
        slow.start();
        quick.start();
        slow.stubFor(post(urlEqualTo("/publish/"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
        quick.stubFor(post(urlEqualTo("/publish/")).willReturn(aResponse().withStatus(200)));
        publisher = new GripPublisher(
                NotificationSettings.of(Duration.ofSeconds(2), 0, List.of(slow.baseUrl(), quick.baseUrl()), "sig-key"));
        publisher.start();
    }

    @AfterEach
    void stop() {
        publisher.stop();
        slow.stop();
        quick.stop();
    }

    @Test
    void aProxyThatHasNotAnsweredYetDoesNotKeepAnEventFromTheOthers() {
        publisher.publishAfterCommit(new LiveEvent(7, LiveEvent.article(42), "comment", "{\"commentId\":7}"));

        // Sent to the slow proxy first; one after another, the quick one would wait for its 5 s timeout.
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> quick.verify(postRequestedFor(urlEqualTo("/publish/"))
                        .withRequestBody(containing("\"channel\":\"article-42\""))
                        .withRequestBody(containing("event:comment\\ndata:{\\\"commentId\\\":7}"))));
    }
}
