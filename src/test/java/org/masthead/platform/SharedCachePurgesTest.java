package org.masthead.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The caches in front of Masthead hear of every change: a Varnish (PURGE with xkey-purge, as
 * deploy/masthead.vcl takes it) and a Fastly service (its purge API), both stand-ins on one local stub.
 * A cache that fails is asked again until it confirms, and nothing more is sent once it has.
 */
@MastheadTest
class SharedCachePurgesTest {

    static final WireMockServer caches =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        caches.start();
    }

    @DynamicPropertySource
    static void pointAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("masthead.cache.purge-urls", () -> "http://localhost:" + caches.port() + ",fastly:service-test");
        registry.add("masthead.cache.fastly-api", () -> "http://localhost:" + caches.port());
        registry.add("masthead.cache.fastly-token", () -> "fastly-test-token");
        registry.add("masthead.cache.retry-delay", () -> "200ms");
    }

    @AfterAll
    static void stopTheStub() {
        caches.stop();
    }

    @Autowired
    TestContent content;

    @Autowired
    JdbcClient db;

    @Test
    void aPublishedArticleIsPurgedFromVarnishAndFastlyEvenWhenVarnishFailsAtFirst() {
        Section section = content.section("Purged");
        // Making the section owed purges of its own: they go first, so that the failure below is the article's.
        caches.stubFor(request("PURGE", urlEqualTo("/"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(200)));
        caches.stubFor(post(urlEqualTo("/service/service-test/purge"))
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"ok\"}")));
        await().atMost(Duration.ofSeconds(15)).until(() -> owedInAll() == 0);
        caches.resetAll();
        caches.stubFor(request("PURGE", urlEqualTo("/"))
                .withHeader("xkey-purge", matching("(.* )?article-[0-9]+( .*)?"))
                .inScenario("varnish restarting")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        caches.stubFor(request("PURGE", urlEqualTo("/"))
                .inScenario("varnish restarting")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        caches.stubFor(post(urlEqualTo("/service/service-test/purge"))
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"ok\"}")));

        long id = content.article(section).published();

        StringValuePattern key = matching("(.* )?article-" + id + "( .*)?");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            // Refused once, then asked again and confirmed.
            assertThat(caches.findAll(requestedFor("PURGE", urlEqualTo("/")).withHeader("xkey-purge", key)))
                    .hasSizeGreaterThanOrEqualTo(2);
            caches.verify(
                    moreThanOrExactly(1),
                    postRequestedFor(urlEqualTo("/service/service-test/purge"))
                            .withHeader("Surrogate-Key", key)
                            .withHeader("Fastly-Key", equalTo("fastly-test-token")));
            assertThat(owedInAll()).isZero();
        });
        // Nothing further is sent once both caches confirmed it.
        int sent = caches.findAll(requestedFor("PURGE", urlEqualTo("/"))).size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        caches.findAll(requestedFor("PURGE", urlEqualTo("/"))))
                .hasSize(sent));
    }

    private long owedInAll() {
        return db.sql("SELECT count(*) FROM shared_cache_purge")
                .query(Long.class)
                .single();
    }
}
