package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.bind;
import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

/** A size the comment pages' queries cannot take stops the start by name, not every conversation with a 500. */
class DiscussionPropertiesTest {

    @Test
    void aPageSizeBelowOneIsRefusedAtStartNamingTheSettingAndItsRange() {
        refusal(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.page-size=-5")
                .hasMessage("masthead.discussion.page-size must be at least 1, not -5");
        refusal(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.page-size=0")
                .hasMessage("masthead.discussion.page-size must be at least 1, not 0");
        refusal(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.list-size=0")
                .hasMessage("masthead.discussion.list-size must be at least 1, not 0");
    }

    @Test
    void negativeRepliesShownAreRefusedAtStartButNoneIsAllowed() {
        refusal(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.replies-shown=-2")
                .hasMessage("masthead.discussion.replies-shown must be 0 or more, not -2");
        assertThat(bind(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.replies-shown=0")
                        .repliesShown())
                .isZero();
    }

    @Test
    void aNegativeEditWindowIsRefusedAtStart() {
        refusal(DiscussionProperties.class, "masthead.discussion", "masthead.discussion.edit-window=-5m")
                .hasMessageContaining("masthead.discussion.edit-window must not be negative");
    }

    @Test
    void theDefaultsStart() {
        DiscussionProperties defaults = bind(DiscussionProperties.class, "masthead.discussion");
        assertThat(defaults.pageSize()).isEqualTo(50);
        assertThat(defaults.repliesShown()).isEqualTo(3);
    }
}
