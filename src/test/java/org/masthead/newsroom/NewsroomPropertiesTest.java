package org.masthead.newsroom;

import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;
import org.masthead.newsroom.internal.wire.WireProperties;

class NewsroomPropertiesTest {

    @Test
    void aNegativeCommentingPeriodIsRefusedAtStart() {
        refusal(NewsroomProperties.class, "masthead.newsroom", "masthead.newsroom.comments-open-for=-1d")
                .hasMessage("masthead.newsroom.comments-open-for must not be negative, not PT-24H");
    }

    @Test
    void aNegativeSettleTimeOrAClaimTimeoutThatIsNotPositiveIsRefusedAtStart() {
        refusal(WireProperties.class, "masthead.wires", "masthead.wires.settle-time=-1s")
                .hasMessageStartingWith("masthead.wires.settle-time must not be negative, and"
                        + " masthead.wires.claim-timeout must be positive");
        refusal(WireProperties.class, "masthead.wires", "masthead.wires.claim-timeout=0s")
                .hasMessageStartingWith("masthead.wires.settle-time must not be negative, and"
                        + " masthead.wires.claim-timeout must be positive");
    }
}
