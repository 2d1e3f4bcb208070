package org.masthead.notifications.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.PersonalDataContributor;
import org.masthead.newsroom.CommentSettings;
import org.masthead.newsroom.PublishedContent;
import org.springframework.stereotype.Component;

/** A reader's notifications, e-mail choices and followed conversations, in their "download my data" file. */
@Component
class NotificationsPersonalData implements PersonalDataContributor {

    /** One notification as the file lists it. */
    record Exported(String kind, String text, long commentId, Instant at, @Nullable Instant readAt) {}

    private final NotificationRepository notifications;
    private final EmailPreferences preferences;
    private final NotificationText text;
    private final ConversationFollows conversations;
    private final PublishedContent content;

    /** A conversation the reader follows: under which article, by its headline, and since when. */
    record FollowedConversation(long articleId, String headline, Instant since) {}

    NotificationsPersonalData(
            NotificationRepository notifications,
            EmailPreferences preferences,
            NotificationText text,
            ConversationFollows conversations,
            PublishedContent content) {
        this.conversations = conversations;
        this.content = content;
        this.notifications = notifications;
        this.preferences = preferences;
        this.text = text;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object dataFor(long accountId) {
        List<Exported> all = new java.util.ArrayList<>();
        Optional<NotificationRepository.Cursor> after = Optional.empty();
        while (true) {
            List<Notification> page = notifications.page(accountId, after, 500);
            List<String> sentences = text.sentences(page);
            for (int i = 0; i < page.size(); i++) {
                Notification n = page.get(i);
                all.add(new Exported(n.kind().stored(), sentences.get(i), n.commentId(), n.updatedAt(), n.readAt()));
            }
            if (page.size() < 500) {
                break;
            }
            after = Optional.of(new NotificationRepository.Cursor(
                    page.getLast().updatedAt(), page.getLast().id()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("emailChoice", preferences.choiceOf(accountId).stored());
        data.put("followConversationsOnComment", preferences.followsConversationsOnComment(accountId));
        data.put(
                "followedConversations",
                conversations.followedBy(accountId).stream()
                        .map(followed -> new FollowedConversation(
                                followed.articleId(),
                                content.commentSettings(followed.articleId())
                                        .map(CommentSettings::headline)
                                        .orElse(""),
                                followed.since()))
                        .toList());
        data.put("notifications", all);
        return data;
    }
}
