package org.masthead.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.MastheadTest;
import org.masthead.Pushpin;
import org.masthead.SecondNode;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.Participant;
import org.masthead.discussion.TestDiscussion;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers' streams held by a real Pushpin in front of a node that publishes to it: the node keeps no
 * connection, and each page still hears what it would hear from a node directly.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveThroughPushpinTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    HikariDataSource dataSource;

    Pushpin pushpin;
    /** A second publish endpoint, to see what the node publishes. */
    WireMockServer publishEndpoint =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    ConfigurableApplicationContext node;
    int nodePort;

    @BeforeAll
    void startANodeBehindPushpin() {
        nodePort = Pushpin.freePort();
        pushpin = Pushpin.inFrontOf(nodePort);
        publishEndpoint.start();
        publishEndpoint.stubFor(
                post(urlEqualTo("/publish/")).willReturn(aResponse().withStatus(200)));
        node = SecondNode.start(
                dataSource,
                "--server.port=" + nodePort,
                // Short, so that a test sees a held stream end as a stream held by a node would.
                "--masthead.notifications.live-timeout=12s",
                "--masthead.notifications.grip-sig-key=" + pushpin.sigKey(),
                "--masthead.notifications.grip-publish-urls=" + pushpin.publishUrl() + ",http://127.0.0.1:"
                        + publishEndpoint.port());
    }

    @AfterAll
    void stop() {
        pushpin.close();
        node.close();
        publishEndpoint.stop();
    }

    @Test
    void aPageHearsOfEachNewCommentOnceAndWhatItMissedWhenItReconnects() {
        long article = content.article(content.section("Pushed")).published();
        Participant reader = Participant.signIn(nodePort, accounts.create(true));
        String seenId;
        // A stream another test left here ends only when the node next writes to it.
        double heldBefore = streamsHeldByTheNode();
        try (SseClient page = new SseClient(pushpin.port(), "/live?article=" + article)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/event-stream");
            assertThat(page.header("Grip-Hold"))
                    .as("GRIP instructions stay between node and proxy")
                    .isEmpty();

            long comment = reader.posted(article, "Heard through the proxy.");

            SseClient.Event heard = page.next("comment", WAIT);
            assertThat(heard.data()).contains("\"commentId\":" + comment);
            assertThat(streamsHeldByTheNode())
                    .as("the node knew the proxy's signature, and left the stream to it")
                    .isLessThanOrEqualTo(heldBefore);
            seenId = heard.id();
            assertThat(page.drain(Duration.ofSeconds(1)))
                    .noneMatch(event -> event.name().equals("comment"));
        }
        long missed = reader.posted(article, "Posted while the page was away.");

        try (SseClient page = new SseClient(pushpin.port(), "/live?article=" + article, "Last-Event-ID", seenId)) {
            assertThat(page.next("comment", WAIT).data()).contains("\"commentId\":" + missed);
        }
    }

    /**
     * The proxy subscribes a stream only once it has the node's answer: what commits in between is sent
     * again on the stream's own channel. Here the node is asked as the proxy asks, and nothing subscribes.
     */
    @Test
    void anEventJustAfterAStreamWasAnsweredIsSentAgainOnTheStreamsOwnChannel() throws Exception {
        long article = content.article(content.section("Pushed")).published();
        Participant reader = Participant.signIn(nodePort, accounts.create(true));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodePort + "/live?article=" + article))
                                .header("Grip-Sig", pushpin.signature())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Grip-Hold")).contains("stream");
        List<String> channels = List.of(
                answer.headers().firstValue("Grip-Channel").orElseThrow().split(", "));
        assertThat(channels).contains("article-" + article).hasSize(2);
        String ownChannel = channels.get(1);
        assertThat(ownChannel).startsWith("stream-");

        long comment = reader.posted(article, "Just in time.");

        await().atMost(WAIT).untilAsserted(() -> assertThat(published(ownChannel))
                .singleElement()
                .asString()
                .contains("event:comment")
                .contains("\"commentId\":" + comment));
        assertThat(published("article-" + article)).hasSize(1);
    }

    /** Only the proxy can sign: anyone else who reaches the node with the header gets a stream like any reader. */
    @Test
    void aGripSigNotSignedWithTheProxysKeyIsAnsweredAsAnyOtherStream() throws Exception {
        long article = content.article(content.section("Pushed")).published();
        String valid = pushpin.signature();
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        for (String forged : List.of("as the proxy sends it", tampered)) {
            try (SseClient page = new SseClient(nodePort, "/live?article=" + article, "Grip-Sig", forged)) {
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.header("Content-Type")).startsWith("text/event-stream");
                assertThat(page.header("Grip-Hold")).as(forged).isEmpty();
            }
        }
    }

    @Test
    void aHeldStreamEndsAfterTheLiveTimeoutSoThatThePageReconnects() {
        try (SseClient page = new SseClient(pushpin.port(), "/live?article=" + TestDiscussion.article())) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.ends(Duration.ofSeconds(20)))
                    .as("the proxy closed the stream")
                    .isTrue();
        }
    }

    /** What the node published to a channel, one entry per publish item. */
    private double streamsHeldByTheNode() {
        return node.getBean(MeterRegistry.class)
                .get("masthead.live.connections")
                .gauge()
                .value();
    }

    private List<String> published(String channel) {
        List<String> contents = new ArrayList<>();
        for (LoggedRequest request : publishEndpoint.findAll(postRequestedFor(urlEqualTo("/publish/")))) {
            for (JsonNode item : JSON.readTree(request.getBodyAsString()).get("items")) {
                if (item.get("channel").asString().equals(channel)) {
                    contents.add(item.get("formats")
                            .get("http-stream")
                            .get("content")
                            .asString());
                }
            }
        }
        return contents;
    }

    @Test
    void aReaderHearsTheirUnreadCountAndTheirStreamEndsWhenTheySignOut() {
        long article = content.article(content.section("Pushed")).published();
        Credentials alice = accounts.create(true);
        Participant aliceOnNode = Participant.signIn(nodePort, alice);
        long comment = aliceOnNode.posted(article, "Who took the night train?");
        String answer = aliceOnNode.web.get("/live/ticket").body();
        String ticket = answer.substring("{\"ticket\":\"".length(), answer.length() - 2);

        try (SseClient page = new SseClient(pushpin.port(), "/live?ticket=" + ticket)) {
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":0}");

            Participant.signIn(nodePort, accounts.create(true)).replied(article, comment, "I did, last week.");
            assertThat(page.next("unread", WAIT).data()).isEqualTo("{\"count\":1}");

            aliceOnNode.web.get("/account");
            aliceOnNode.web.post("/signout", Map.of());
            assertThat(page.ends(WAIT)).as("the proxy closed the stream").isTrue();
        }
    }
}
