package org.masthead.membership.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.membership.internal.PremiumSubscriptions.PremiumSubscription;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The receipt for a Premium subscription's first payment, which confirms the purchase; put in the
 * outbox with the record of the payment, so it goes once per charge.
 */
@Component
class PremiumMail {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;

    PremiumMail(Mailer mailer, MailTemplates templates, SiteProperties site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    void receipt(PremiumSubscription subscription, PaymentSucceeded payment) {
        boolean yearly = subscription.interval() == BillingInterval.YEAR;
        Map<String, Object> model = new HashMap<>();
        model.put("amount", payment.amount().format());
        model.put("plan", yearly ? "annual" : "monthly");
        model.put("per", yearly ? "a year" : "a month");
        model.put("date", day(payment.at()));
        model.put("nextPayment", payment.periodEnd() == null ? null : day(payment.periodEnd()));
        model.put("receiptNumber", payment.chargeId());
        model.put("manageLink", site.origin() + "/account/membership");
        model.put("readingListLink", site.origin() + "/reading-list");
        MailTemplates.RenderedMail rendered = templates.render("premium-receipt", model);
        mailer.send(new Mail(
                payment.email(),
                "Welcome to Premium: your receipt",
                rendered.text(),
                rendered.html(),
                Mail.Kind.TRANSACTIONAL,
                null));
    }

    private String day(Instant at) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", site.locale())
                .withZone(site.timeZone())
                .format(at);
    }
}
