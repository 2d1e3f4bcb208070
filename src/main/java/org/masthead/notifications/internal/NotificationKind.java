package org.masthead.notifications.internal;

/** What a notification is about; its name is stored in lower case. */
public enum NotificationKind {
    /** Someone replied to one of the reader's comments. */
    REPLY,
    /** Someone named the reader with an @mention. */
    MENTION,
    /** Readers the reader follows commented under an article: one unread row per article. */
    FOLLOWED_POSTED,
    /** Others recommended one of the reader's comments: one unread row per comment. */
    RECOMMENDED,
    /** A moderator approved one of the reader's comments that was held for review. */
    APPROVED,
    /** A moderator decided the reader's appeal against a rejection or a sanction. */
    APPEAL,
    /** A moderator sanctioned the reader (warned, pre-moderated, suspended or banned them): one per sanction. */
    SANCTION,
    /** A moderator withdrew a sanction on the reader: one per sanction. */
    SANCTION_WITHDRAWN,
    /** A moderator or an editor picked one of the reader's comments as a staff pick. */
    PICKED,
    /** An article was published on a topic, or by an author, the reader follows: one per article. */
    FOLLOWED_PUBLISHED,
    /** Others commented in a conversation the reader follows: one unread row per article. */
    CONVERSATION,
    /** The staff picked a comment in a conversation the reader follows: one per comment. */
    CONVERSATION_PICK,
    /** An editor sent the journalist's draft back, with a note: one per decision. */
    STORY_SENT_BACK,
    /** An editor published the journalist's story: one per decision. */
    STORY_PUBLISHED;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static NotificationKind ofStored(String stored) {
        return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether it is news from a conversation the reader follows, which they can stop following from it. */
    boolean isFromAFollowedConversation() {
        return this == CONVERSATION || this == CONVERSATION_PICK;
    }

    /** Whether the reader is e-mailed about it (at once, batched or in a digest, as they choose). */
    boolean isMailed() {
        return this == REPLY || this == MENTION || this == FOLLOWED_PUBLISHED || isFromAFollowedConversation();
    }
}
