package org.masthead.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadModuleTest;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.CommentPosted;
import org.masthead.discussion.TestDiscussion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/** What the notifications module does with other modules' events: the module's executable example. */
@MastheadModuleTest
class NotificationsScenarioTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestDiscussion discussion;

    @Autowired
    JdbcClient db;

    @Test
    void aReplyBecomesANotificationForTheAuthorRepliedTo(Scenario scenario) {
        TestAccounts.Credentials alice = accounts.create(true);
        TestAccounts.Credentials bob = accounts.create(true);
        CommentPosted alicesComment = discussion.publish(discussion.comment(TestDiscussion.article(), alice.id()));
        CommentPosted bobsReply = discussion.reply(alicesComment, bob.id());

        scenario.publish(bobsReply)
                .andWaitForStateChange(() -> kindsFor(alice), kinds -> !kinds.isEmpty())
                .andVerify(kinds -> assertThat(kinds).containsExactly("reply"));
    }

    private List<String> kindsFor(TestAccounts.Credentials recipient) {
        return db.sql("SELECT kind FROM notification WHERE recipient_id = :recipient")
                .param("recipient", recipient.id())
                .query(String.class)
                .list();
    }
}
