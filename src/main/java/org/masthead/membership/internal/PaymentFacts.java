package org.masthead.membership.internal;

import org.masthead.accounts.AddressVerified;
import org.masthead.payments.ChargeRefunded;
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
            return;
        }
        premium.paid(payment);
        if (payment.kind() == PaymentKind.FIRST) {
            // Premium's first payment confirms the purchase by mail; renewals are listed on the membership page.
            premium.byReference(payment.reference())
                    .ifPresent(subscription -> premiumMail.receipt(subscription, payment));
        }
    }

    /**
     * A renewal that failed is recorded, with when it is tried again, and the reader is told which payment
     * failed and when the next try is: this module knows what the subscription is and whom to greet.
     */
    @ApplicationModuleListener
    void on(PaymentFailed failure) {
        if (!isOurs(failure.reference())) {
            return;
        }
        payments.failed(failure);
        if (!failure.renewal() || failure.nextRetry() == null || failure.email().isBlank()) {
            return;
        }
        if (failure.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions
                    .byReference(failure.reference())
                    .ifPresent(contribution -> mail.renewalFailed(contribution, failure));
        } else {
            premium.byReference(failure.reference())
                    .ifPresent(subscription -> premiumMail.renewalFailed(subscription, failure));
        }
    }

    /**
     * Money given back: the reader's payments say so, a one-off gift given back in full no longer makes a
     * supporter, and the reader is told by mail. Each refund once, however often its event is handled.
     */
    @ApplicationModuleListener
    void on(ChargeRefunded refund) {
        if (!isOurs(refund.reference())) {
            return;
        }
        payments.refunded(refund).ifPresent(payment -> {
            if (refund.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
                if (refund.fully()) {
                    contributions.refundedInFull(refund.reference());
                }
                contributions
                        .byReference(refund.reference())
                        .ifPresent(contribution -> mail.refunded(contribution, payment, refund));
            } else {
                premium.byReference(refund.reference())
                        .ifPresent(subscription -> premiumMail.refunded(subscription, payment, refund));
            }
        });
    }

    private static boolean isOurs(String reference) {
        return reference.startsWith(PremiumSubscriptions.REFERENCE_PREFIX)
                || reference.startsWith(Contributions.REFERENCE_PREFIX);
    }
}
