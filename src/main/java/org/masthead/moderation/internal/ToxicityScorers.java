package org.masthead.moderation.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import org.masthead.moderation.ModerationProperties;
import org.masthead.moderation.ToxicityScorer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Perspective scores comments when a key is configured; otherwise the built-in scorer does. */
@Configuration(proxyBeanMethods = false)
class ToxicityScorers {

    @Bean
    @ConditionalOnMissingBean(ToxicityScorer.class)
    ToxicityScorer toxicityScorer(ModerationProperties properties, JsonMapper json) {
        ModerationProperties.Toxicity settings = properties.toxicity();
        if (settings.perspectiveApiKey().isBlank()) {
            return new BuiltInToxicityScorer();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new PerspectiveToxicityScorer(
                http, json, settings.perspectiveUrl(), settings.perspectiveApiKey(), settings.timeBudget());
    }
}
