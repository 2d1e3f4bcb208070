package org.masthead.membership.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.membership.internal.MembershipPayments.PaymentLine;
import org.masthead.payments.ChargeRefunded;
import org.masthead.payments.PaymentFailed;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The two mails that Premium and contributions word alike, naming what was paid for: a renewal that
 * failed and when it is tried again, and money given back. The reader is greeted by name, as in every
 * membership mail.
 */
@Component
class BillingMails {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;
    private final Greetings greetings;

    BillingMails(Mailer mailer, MailTemplates templates, SiteProperties site, Greetings greetings) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
        this.greetings = greetings;
    }

    /** @param what what the payment was for, as in "the payment for your Premium membership" */
    void renewalFailed(String email, @Nullable Long accountId, String what, PaymentFailed failure) {
        Instant nextRetry = failure.nextRetry();
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", greetings.nameOf(accountId));
        model.put("what", what);
        model.put("amount", failure.amount().format());
        model.put("reason", failure.reason());
        model.put("nextRetry", nextRetry == null ? null : format("EEEE d MMMM yyyy", nextRetry));
        model.put("portalLink", accountId == null ? null : site.origin() + "/payments/portal");
        send(email, "We could not take your payment", "payment-failed", model);
    }

    void refunded(String email, @Nullable Long accountId, String what, PaymentLine payment, ChargeRefunded refund) {
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", greetings.nameOf(accountId));
        model.put("what", what);
        model.put("refunded", refund.refunded().format());
        model.put("paid", payment.amount().format());
        model.put("date", format("d MMMM yyyy", payment.at()));
        // The whole payment given back at once reads more simply than a part of it.
        model.put("whole", refund.refunded().equals(payment.amount()));
        model.put("fully", refund.fully());
        model.put("manageLink", accountId == null ? null : site.origin() + "/account/membership");
        send(email, "Your refund of " + refund.refunded().format(), "refund", model);
    }

    private String format(String pattern, Instant at) {
        return DateTimeFormatter.ofPattern(pattern, site.locale())
                .withZone(site.timeZone())
                .format(at);
    }

    private void send(String email, String subject, String template, Map<String, Object> model) {
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(email, subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
