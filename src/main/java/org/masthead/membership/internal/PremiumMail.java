package org.masthead.membership.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.masthead.accounts.Accounts;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.membership.internal.MembershipPayments.PaymentLine;
import org.masthead.membership.internal.PremiumSubscriptions.PremiumSubscription;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.ChargeRefunded;
import org.masthead.payments.PaymentFailed;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionStatus;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The receipt for a Premium subscription's first payment, which confirms the purchase, the word that a
 * cancelled subscription will end, that a renewal failed and when it is tried again, and that money was
 * given back; each put in the outbox with the change that causes it, so it goes once.
 */
@Component
class PremiumMail {

    private static final String PREMIUM = "your Premium membership";

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;
    private final Accounts accounts;
    private final Greetings greetings;
    private final BillingMails billing;

    PremiumMail(
            Mailer mailer,
            MailTemplates templates,
            SiteProperties site,
            Accounts accounts,
            Greetings greetings,
            BillingMails billing) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
        this.accounts = accounts;
        this.greetings = greetings;
        this.billing = billing;
    }

    void renewalFailed(PremiumSubscription subscription, PaymentFailed failure) {
        billing.renewalFailed(failure.email(), subscription.accountId(), PREMIUM, failure);
    }

    /** Written to the account's address now, as the ending is: nobody for an account deleted since. */
    void refunded(PremiumSubscription subscription, PaymentLine payment, ChargeRefunded refund) {
        Long account = subscription.accountId();
        if (account != null) {
            accounts.emailAddressOf(account)
                    .ifPresent(address -> billing.refunded(address, account, PREMIUM, payment, refund));
        }
    }

    void receipt(PremiumSubscription subscription, PaymentSucceeded payment) {
        boolean yearly = subscription.interval() == BillingInterval.YEAR;
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", greetings.nameOf(subscription.accountId()));
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

    /**
     * The reader cancelled (or the provider will not renew): Premium ends with the period paid for. Nobody
     * is written to for an account that has been deleted.
     */
    void ending(PremiumSubscription subscription) {
        Long account = subscription.accountId();
        if (account == null) {
            return;
        }
        accounts.emailAddressOf(account).ifPresent(address -> {
            Instant end = subscription.currentPeriodEnd();
            Map<String, Object> model = new HashMap<>();
            model.put("displayName", greetings.nameOf(account));
            model.put("trial", subscription.status() == SubscriptionStatus.TRIALING);
            model.put("ends", end == null ? null : day(end));
            model.put("manageLink", site.origin() + "/account/membership");
            MailTemplates.RenderedMail rendered = templates.render("premium-ending", model);
            mailer.send(new Mail(
                    address,
                    end == null ? "Your Premium is cancelled" : "Your Premium ends on " + day(end),
                    rendered.text(),
                    rendered.html(),
                    Mail.Kind.TRANSACTIONAL,
                    null));
        });
    }

    private String day(Instant at) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", site.locale())
                .withZone(site.timeZone())
                .format(at);
    }
}
