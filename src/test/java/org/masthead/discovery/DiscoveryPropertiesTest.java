package org.masthead.discovery;

import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

class DiscoveryPropertiesTest {

    @Test
    void intervalsAndRetentionThatAreNotPositiveAreRefusedAtStart() {
        for (String setting : new String[] {
            "masthead.discovery.index-check-interval=0s",
            "masthead.discovery.views-flush-interval=-10s",
            "masthead.discovery.activity-retention=-30d"
        }) {
            refusal(DiscoveryProperties.class, "masthead.discovery", setting)
                    .hasMessageStartingWith("masthead.discovery.index-check-interval, .views-flush-interval and"
                            + " .activity-retention must be positive");
        }
    }

    @Test
    void aSearchPageSizeOutOfRangeIsRefusedAtStart() {
        refusal(DiscoveryProperties.class, "masthead.discovery", "masthead.discovery.search-page-size=0")
                .hasMessage("masthead.discovery.search-page-size must be between 1 and 100");
    }
}
