package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.accounts.AccountDeleted;

class NotificationTextTest {

    @Test
    void aReaderWhoDeletedTheirAccountOpensASentenceWithACapitalAndIsNotSaidToBeFollowed() {
        String former = AccountDeleted.SHOWN_AS;

        assertThat(NotificationText.sentence(NotificationKind.FOLLOWED_POSTED, former, 1, "Rain"))
                .isEqualTo("A former reader commented on “Rain”");
        assertThat(NotificationText.sentence(NotificationKind.REPLY, former, 1, "Rain"))
                .isEqualTo("A former reader replied to your comment on “Rain”");
        assertThat(NotificationText.sentence(NotificationKind.RECOMMENDED, former, 3, "Rain"))
                .isEqualTo("A former reader and 2 others recommended your comment on “Rain”");
        assertThat(NotificationText.subject(NotificationKind.MENTION, former))
                .isEqualTo("A former reader mentioned you in a comment");
    }

    @Test
    void aReadersNameStaysAsTheyWroteIt() {
        assertThat(NotificationText.sentence(NotificationKind.FOLLOWED_POSTED, "dev okafor", 1, "Rain"))
                .isEqualTo("dev okafor, whom you follow, commented on “Rain”");
        assertThat(NotificationText.sentence(NotificationKind.CONVERSATION_PICK, AccountDeleted.SHOWN_AS, 1, "Rain"))
                .isEqualTo("Staff picked a comment by a former reader on “Rain”, a conversation you follow");
    }

    @Test
    void aConversationCountedToTheLimitSaysThereAreMoreAndOtherKindsCountOn() {
        int limit = NotificationRepository.COUNTED_COMMENTERS;

        assertThat(NotificationText.sentence(NotificationKind.CONVERSATION, "Ann", limit - 1, "Rain"))
                .isEqualTo("Ann and 98 others commented on “Rain”, a conversation you follow");
        assertThat(NotificationText.sentence(NotificationKind.CONVERSATION, "Ann", limit, "Rain"))
                .isEqualTo("Ann and 99+ others commented on “Rain”, a conversation you follow");
        assertThat(NotificationText.sentence(NotificationKind.RECOMMENDED, "Ann", limit + 5, "Rain"))
                .isEqualTo("Ann and 104 others recommended your comment on “Rain”");
    }
}
