package org.masthead.notifications.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * E-mail about replies and mentions, one at a time or as a daily digest, and about news from what the
 * reader follows, gathered into one mail per batch window (or into the digest). Each carries the link that
 * turns them off (in the footer, and as RFC 8058 one-click {@code List-Unsubscribe}) and one to the
 * settings page.
 */
@Component
class NotificationMail {

    /**
     * One notification as a digest or a batch mail lists it.
     *
     * @param stopLink for a comment in a conversation the reader follows, the signed link that stops it
     */
    record Item(String sentence, String excerpt, String link, @Nullable String stopLink) {}

    private final Mailer mailer;
    private final MailTemplates templates;
    private final UnsubscribeLinks unsubscribeLinks;
    private final SiteProperties site;
    private final NotificationText text;
    private final ConversationLinks conversationLinks;

    NotificationMail(
            Mailer mailer,
            MailTemplates templates,
            UnsubscribeLinks unsubscribeLinks,
            SiteProperties site,
            NotificationText text,
            ConversationLinks conversationLinks) {
        this.text = text;
        this.conversationLinks = conversationLinks;
        this.mailer = mailer;
        this.templates = templates;
        this.unsubscribeLinks = unsubscribeLinks;
        this.site = site;
    }

    /** Puts the mail in the outbox, in the caller's transaction. */
    void sendOne(
            long recipientId,
            String to,
            NotificationKind kind,
            String actor,
            String sentence,
            String excerpt,
            long commentId) {
        send(
                recipientId,
                to,
                NotificationText.subject(kind, actor),
                "notification",
                Map.of("sentence", sentence, "excerpt", excerpt, "link", commentLink(commentId)));
    }

    /** @param repliesAndMentionsOnly whether every item is a reply or a mention, as the subject then says */
    void sendDigest(long recipientId, String to, List<Item> items, boolean repliesAndMentionsOnly) {
        String subject;
        if (!repliesAndMentionsOnly) {
            subject = "Your daily notifications: " + items.size() + " new";
        } else if (items.size() == 1) {
            subject = "Your daily notifications: 1 reply or mention";
        } else {
            subject = "Your daily notifications: " + items.size() + " replies and mentions";
        }
        send(recipientId, to, subject, "notification-digest", Map.of("items", items));
    }

    /** News from what the reader follows, gathered over a batch window: one mail listing all of it. */
    void sendBatch(long recipientId, String to, List<Item> items) {
        String subject = items.size() == 1 ? items.getFirst().sentence() : items.size() + " new from what you follow";
        send(recipientId, to, subject, "notification-batch", Map.of("items", items));
    }

    String commentLink(long commentId) {
        return site.origin() + "/comment/" + commentId;
    }

    /** The notification as a digest or a batch mail lists it. */
    Item itemOf(Notification notification) {
        return new Item(
                text.sentence(notification),
                notification.excerpt(),
                linkTo(notification),
                notification.kind().isFromAFollowedConversation()
                        ? conversationLinks.urlFor(notification.recipientId(), notification.articleId())
                        : null);
    }

    /** Where the notification leads: its article, or its comment. */
    String linkTo(Notification notification) {
        String link = notification.link();
        return link != null ? site.origin() + link : commentLink(notification.commentId());
    }

    private void send(long recipientId, String to, String subject, String template, Map<String, Object> model) {
        String unsubscribe = unsubscribeLinks.urlFor(recipientId);
        Map<String, Object> withSettings = new java.util.HashMap<>(model);
        withSettings.put("settingsLink", site.origin() + "/account/notifications");
        MailTemplates.RenderedMail rendered = templates.render(template, withSettings, unsubscribe);
        mailer.send(new Mail(to, subject, rendered.text(), rendered.html(), Mail.Kind.NOTIFICATION, unsubscribe));
    }
}
