package org.masthead.membership.internal;

import org.masthead.accounts.AddressVerified;
import org.masthead.payments.PaymentFailed;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.SubscriptionChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies what the payments module reports to membership: the only way a subscription, a payment or
 * a contribution changes here (besides a guest's contributions being claimed by the account that
 * confirms their address). Events are routed by the reference we gave the checkout; others' are
 * not ours and are passed over.
 */
@Component
class PaymentFacts {

    private final PremiumSubscriptions premium;
    private final Contributions contributions;
    private final MembershipPayments payments;
    private final ContributionMail mail;
    private final PremiumMail premiumMail;

    PaymentFacts(
            PremiumSubscriptions premium,
            Contributions contributions,
            MembershipPayments payments,
            ContributionMail mail,
            PremiumMail premiumMail) {
        this.premium = premium;
        this.contributions = contributions;
        this.payments = payments;
        this.mail = mail;
        this.premiumMail = premiumMail;
    }

    /** A guest's contributions under an address become the account's once it confirms the address. */
    @ApplicationModuleListener
    void on(AddressVerified verified) {
        contributions.claim(verified.accountId(), verified.email());
    }

    @ApplicationModuleListener
    void on(SubscriptionChanged change) {
        if (change.reference().startsWith(PremiumSubscriptions.REFERENCE_PREFIX)) {
            if (premium.apply(change)) {
                premium.byReference(change.reference()).ifPresent(premiumMail::ending);
            }
        } else if (change.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions.apply(change);
        }
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded payment) {
        if (!isOurs(payment.reference())) {
            return;
        }
        // A charge is recorded once, however often its event is handled: so is its mail.
        if (!payments.succeeded(payment)) {
            return;
        }
        if (payment.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions.paid(payment);
            contributions
                    .byReference(payment.reference())
                    .ifPresent(contribution ->
                            mail.receipt(contribution, payment.amount(), payment.chargeId(), payment.at()));
        } else if (payment.kind() == PaymentKind.FIRST) {
            // Premium's first payment confirms the purchase by mail; renewals are listed on the membership page.
            premium.byReference(payment.reference())
                    .ifPresent(subscription -> premiumMail.receipt(subscription, payment));
        }
    }

    @ApplicationModuleListener
    void on(PaymentFailed failure) {
        if (isOurs(failure.reference())) {
            payments.failed(failure);
        }
    }

    private static boolean isOurs(String reference) {
        return reference.startsWith(PremiumSubscriptions.REFERENCE_PREFIX)
                || reference.startsWith(Contributions.REFERENCE_PREFIX);
    }
}
