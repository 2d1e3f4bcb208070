package org.masthead.payments.internal;

import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.payments.Money;
import org.springframework.stereotype.Component;

/**
 * The e-mail that ends the grace period after failed renewals: the subscription has lapsed. It goes into
 * the outbox in the transaction that records the provider's event, so it is sent once, with it. (Each
 * failed attempt is told by membership, which names what the payment was for.)
 */
@Component
class PaymentMail {

    private final Mailer mailer;
    private final MailTemplates templates;

    PaymentMail(Mailer mailer, MailTemplates templates) {
        this.mailer = mailer;
        this.templates = templates;
    }

    void subscriptionLapsed(String email, Money price) {
        send(email, "Your subscription has ended", "subscription-lapsed", Map.of("amount", price.format()));
    }

    private void send(String email, String subject, String template, Map<String, ?> model) {
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(email, subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
