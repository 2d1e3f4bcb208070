package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void healthAndReadinessArePublicForLoadBalancers() {
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreHiddenWithoutTheToken() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer wrong")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/actuator").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusScrapesWithTheToken() {
        var response = http.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("masthead_page_cache_size");
    }

    @Test
    void requestsAreMeasuredButEachAccessDecisionIsNotObserved() {
        assertThat(http.get("/account").statusCode()).isEqualTo(302);
        assertThat(http.get("/").statusCode()).isEqualTo(200);

        String metrics = http.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token")
                .body();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_authorizations");
    }
}
