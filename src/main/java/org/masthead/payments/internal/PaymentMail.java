package org.masthead.payments.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.payments.Money;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the grace period after a failed renewal: one for each failed attempt that will be
 * retried, saying when, and one when the subscription has lapsed. They go into the outbox in the transaction
 * that records the provider's event, so they are sent once, with it.
 */
@Component
class PaymentMail {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;

    PaymentMail(Mailer mailer, MailTemplates templates, SiteProperties site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    void renewalFailed(String email, Money amount, String reason, Instant nextRetry, boolean hasAccount) {
        Map<String, Object> model = new HashMap<>();
        model.put("amount", amount.format());
        model.put("reason", reason);
        model.put(
                "nextRetry",
                DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", site.locale())
                        .withZone(site.timeZone())
                        .format(nextRetry));
        model.put("portalLink", hasAccount ? site.origin() + "/payments/portal" : null);
        send(email, "We could not take your payment", "payment-failed", model);
    }

    void subscriptionLapsed(String email, Money price) {
        send(email, "Your subscription has ended", "subscription-lapsed", Map.of("amount", price.format()));
    }

    private void send(String email, String subject, String template, Map<String, ?> model) {
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(email, subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
