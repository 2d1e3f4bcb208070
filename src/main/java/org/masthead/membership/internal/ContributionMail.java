package org.masthead.membership.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.membership.internal.Contributions.Contribution;
import org.masthead.membership.internal.MembershipPayments.PaymentLine;
import org.masthead.payments.ChargeRefunded;
import org.masthead.payments.Money;
import org.masthead.payments.PaymentFailed;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The mails about a contribution's payments: the receipt for each, the word that a renewal failed and when
 * it is tried again, and the word that money was given back. Each is put in the outbox with the record
 * of what it tells, so it goes once.
 */
@Component
class ContributionMail {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;
    private final Greetings greetings;
    private final BillingMails billing;

    ContributionMail(
            Mailer mailer, MailTemplates templates, SiteProperties site, Greetings greetings, BillingMails billing) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
        this.greetings = greetings;
        this.billing = billing;
    }

    void renewalFailed(Contribution contribution, PaymentFailed failure) {
        billing.renewalFailed(failure.email(), contribution.accountId(), whatFor(contribution), failure);
    }

    void refunded(Contribution contribution, PaymentLine payment, ChargeRefunded refund) {
        // A deleted account's contributions keep no address to write to.
        if (contribution.email().contains("@")) {
            billing.refunded(contribution.email(), contribution.accountId(), whatFor(contribution), payment, refund);
        }
    }

    private static String whatFor(Contribution contribution) {
        return "your " + contribution.frequency().label() + " contribution";
    }

    void receipt(Contribution contribution, Money paid, String chargeId, Instant at) {
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", greetings.nameOf(contribution.accountId()));
        model.put("amount", paid.format());
        model.put("frequency", contribution.frequency().label());
        model.put("recurring", contribution.frequency().recurring());
        model.put(
                "date",
                DateTimeFormatter.ofPattern("d MMMM yyyy", site.locale())
                        .withZone(site.timeZone())
                        .format(at));
        model.put("receiptNumber", chargeId);
        model.put("manageLink", site.origin() + "/account/membership");
        model.put("registerLink", contribution.accountId() == null ? site.origin() + "/register" : null);
        MailTemplates.RenderedMail rendered = templates.render("contribution-receipt", model);
        mailer.send(new Mail(
                contribution.email(),
                "Thank you for your contribution",
                rendered.text(),
                rendered.html(),
                Mail.Kind.TRANSACTIONAL,
                null));
    }
}
