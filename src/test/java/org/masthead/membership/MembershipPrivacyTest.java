package org.masthead.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.masthead.membership.TestMembers.WAIT;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.masthead.membership.internal.PremiumSubscriptions;
import org.masthead.membership.internal.ReadingList;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Membership is in the reader's data export, the reading list with its notes and collections too;
 * deleting the account deletes the reading list, notes and collections, and unties the rest.
 */
@MastheadTest
class MembershipPrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestMembers members;

    @Autowired
    TestContent content;

    @Autowired
    ReadingList readingList;

    @Autowired
    PremiumSubscriptions subscriptions;

    @Test
    void theExportHoldsTheMembershipAndDeletionForgetsTheReadingList() {
        TestAccounts.Credentials account = accounts.create(true);
        String reference = members.makePremium(account.id());
        long article = content.article(content.section(TestContent.unique("Privacy")))
                .slug(TestContent.unique("kept"))
                .published();
        readingList.save(account.id(), article);
        long collection = readingList.createCollection(account.id(), "Export shelf");
        readingList.addToCollection(account.id(), article, collection);
        readingList.createCollection(account.id(), "Empty shelf");
        readingList.setNote(account.id(), article, "My private \"note\" on this");
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, account);

        String export = reader.get("/account/export").body();

        assertThat(export)
                .contains("\"membership\"")
                .contains(reference)
                .containsPattern("\"articleId\"\\s*:\\s*" + article + "\\b")
                .contains("My private \\\"note\\\" on this")
                .containsPattern("\"collections\"\\s*:\\s*\\[\\s*\"Export shelf\"\\s*]")
                .containsPattern("\"name\"\\s*:\\s*\"Empty shelf\"");

        reader.submit("/account/delete", "/account/delete", Map.of("password", TestAccounts.PASSWORD));
        await().atMost(WAIT).until(() -> readingList.size(account.id()) == 0);
        assertThat(readingList.everyCollection(account.id())).isEmpty();
        await().atMost(WAIT)
                .until(() -> subscriptions.byReference(reference).orElseThrow().accountId() == null);
    }
}
