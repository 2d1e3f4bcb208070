package org.masthead.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadModuleTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** What the discussion tells other modules, and when: the module's executable example. */
@MastheadModuleTest
class DiscussionScenarioTest {

    @Autowired
    Discussion discussion;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Test
    void aReplyAnnouncesWhoWasRepliedToSoTheyCanBeTold(Scenario scenario) {
        long article =
                content.article(content.section(TestContent.unique("Talk"))).published();
        TestAccounts.Credentials ann = accounts.create(true);
        TestAccounts.Credentials bob = accounts.create(true);
        long annsComment = discussion.post(ann.id(), article, "The ferry should run all winter.", null);

        scenario.stimulate(() -> discussion.post(bob.id(), article, "It did, until 2019.", annsComment))
                .andWaitForEventOfType(CommentPosted.class)
                .matchingMappedValue(CommentPosted::authorId, bob.id())
                .toArriveAndVerify(reply -> {
                    assertThat(reply.articleId()).isEqualTo(article);
                    assertThat(reply.inReplyToId()).isEqualTo(annsComment);
                    assertThat(reply.inReplyToAuthorId()).isEqualTo(ann.id());
                    assertThat(reply.excerpt()).isEqualTo("It did, until 2019.");
                });
    }
}
