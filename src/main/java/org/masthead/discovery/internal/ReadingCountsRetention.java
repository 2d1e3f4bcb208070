package org.masthead.discovery.internal;

import org.masthead.accounts.RetentionPeriod;
import org.masthead.discovery.DiscoveryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the privacy notice how long the counts behind "Most read" are kept (see {@link Trends}). */
@Configuration(proxyBeanMethods = false)
class ReadingCountsRetention {

    @Bean
    RetentionPeriod readingCountsKept(DiscoveryProperties properties) {
        return new RetentionPeriod(RetentionPeriod.READING_COUNTS, properties.activityRetention());
    }
}
