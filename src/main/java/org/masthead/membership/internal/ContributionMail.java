package org.masthead.membership.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.membership.internal.Contributions.Contribution;
import org.masthead.payments.Money;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/** The receipt for each payment of a contribution, put in the outbox with the record of the payment. */
@Component
class ContributionMail {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;
    private final Greetings greetings;

    ContributionMail(Mailer mailer, MailTemplates templates, SiteProperties site, Greetings greetings) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
        this.greetings = greetings;
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
